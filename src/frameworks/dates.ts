// Calendar dates (YYYY-MM-DD) without a clock or time zone: parsing, month arithmetic, ordering.

export type IsoDate = string & { readonly __isoDate: unique symbol };

const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  // month is 1-based; day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why `text` is not a real calendar date, or null when it is one. */
export function dateProblem(text: string): string | null {
  const m = pattern.exec(text);
  if (!m) return `"${text}" is not a date in the form YYYY-MM-DD`;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `"${text}" has no month ${month}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last)
    return `"${text}" does not exist: month ${month} of ${year} has ${last} days`;
  return null;
}

export function isIsoDate(text: string): text is IsoDate {
  return dateProblem(text) === null;
}

export function parseIsoDate(text: string): IsoDate {
  const problem = dateProblem(text);
  if (problem) throw new RangeError(problem);
  return text as IsoDate;
}

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(year: number, month: number, day: number): IsoDate {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

/** Same day of month `months` later, clamped to the last day of that month (2024-11-30 + 3 = 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = parts(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** ISO dates order as strings; this names the intent. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

export function earlierDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
