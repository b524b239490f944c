// Dates and figures written as GOV.UK's style guide asks: "27 March 2026", "3 days overdue".
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatDate(iso) {
  if (!iso) return '';
  const m = String(iso).match(/^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/);
  if (!m) return String(iso);
  const d = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[4] ? `${d} at ${m[4]}:${m[5]}` : d;
}

export function overdueText(days) {
  if (days > 0) return days === 1 ? '1 day overdue' : `${days} days overdue`;
  if (days === 0) return 'Due today';
  const n = -days;
  return n === 1 ? 'Due tomorrow' : `Due in ${n} days`;
}

// Red for overdue, amber for due within a week, grey otherwise.
export function urgencyColour(days) {
  if (days > 0) return 'red';
  if (days > -7) return 'amber';
  return 'grey';
}

export const plural = (n, one, many) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function humanise(code) {
  if (code === null || code === undefined || code === '') return '';
  const s = String(code).replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// An instant from the server (ISO-8601 UTC) in the user's local time.
export function formatInstant(iso, seconds = false) {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso || '';
  const d = new Date(t);
  const two = (n) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}${seconds ? `:${two(d.getSeconds())}` : ''}`;
  if (seconds) return `${d.getDate()} ${MONTHS[d.getMonth()].slice(0, 3)} ${d.getFullYear()}, ${time}`;
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} at ${time}`;
}

export const capitalise = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');

// GET /api/children's legal_status codes in words.
const LEGAL_STATUS = {
  looked_after: 'Looked after',
  child_protection: 'Child protection plan',
  child_in_need: 'Child in need',
  care_leaver: 'Care leaver',
  closed: 'Case closed',
};
export const legalStatus = (code) => LEGAL_STATUS[code] || humanise(code) || 'Not recorded';
