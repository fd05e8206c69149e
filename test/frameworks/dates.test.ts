import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateProblem, parseIsoDate } from '../../src/frameworks/dates.js';

const d = parseIsoDate;

describe('calendar dates', () => {
  it('adds months on the same day of month (CONTRACTS.md: 3 months after 2024-11-02 is 2025-02-02)', () => {
    expect(addMonths(d('2024-11-02'), 3)).toBe('2025-02-02');
    expect(addMonths(d('2024-01-15'), 6)).toBe('2024-07-15');
    expect(addMonths(d('2024-12-31'), 12)).toBe('2025-12-31');
  });

  it("clamps to the month's last day", () => {
    expect(addMonths(d('2024-11-30'), 3)).toBe('2025-02-28');
    expect(addMonths(d('2023-11-30'), 3)).toBe('2024-02-29');
    expect(addMonths(d('2025-08-31'), 1)).toBe('2025-09-30');
  });

  it('adds days across months and years', () => {
    expect(addDays(d('2024-12-25'), 10)).toBe('2025-01-04');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
  });

  it('rejects dates that do not exist, saying why', () => {
    expect(dateProblem('2025-02-30')).toMatch(/month 2 of 2025 has 28 days/);
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2023-02-29')).toMatch(/28 days/);
    expect(dateProblem('2025-13-01')).toMatch(/no month 13/);
    expect(dateProblem('2025-1-5')).toMatch(/YYYY-MM-DD/);
    expect(dateProblem('yesterday')).toMatch(/YYYY-MM-DD/);
  });
});
