import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { IdleWarning } from './IdleWarning.jsx';

afterEach(cleanup);

describe('IdleWarning', () => {
  it('stays hidden until two minutes before the session ends', () => {
    render(<IdleWarning endsAt={1000 + 121000} now={() => 1000} onExpired={() => {}} />);
    expect(screen.queryByRole('region')).toBeNull();
  });
  it('warns with the minutes left and a way to stay signed in', () => {
    render(<IdleWarning endsAt={1000 + 90000} now={() => 1000} onExpired={() => {}} />);
    expect(screen.getByRole('region', { name: 'Session time-out warning' }).textContent).toContain('You will be signed out in 2 minutes');
    expect(screen.getByRole('button', { name: 'Stay signed in' })).toBeTruthy();
  });
  it('says when the time is up', () => {
    const expired = vi.fn();
    render(<IdleWarning endsAt={1000} now={() => 1000} onExpired={expired} />);
    expect(expired).toHaveBeenCalled();
    expect(screen.queryByRole('region')).toBeNull();
  });
});
