// Whether a run of hex groups and colons is an IPv6 address as people write one, not a time or a MAC.

function groupsOf(part: string): string[] {
  return part === '' ? [] : part.split(':');
}

function isHexGroup(group: string): boolean {
  return /^[0-9A-Fa-f]{1,4}$/.test(group);
}

/**
 * Eight groups, or fewer with exactly one '::'. Beyond the grammar, at least one digit and one
 * group of three or more characters: "12:34:56", "dead::beef" and "2::3" are not addresses, and
 * "::1" names no one.
 */
export function isPlausibleIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const [head = '', tail] = halves;
  const groups = tail === undefined ? groupsOf(head) : [...groupsOf(head), ...groupsOf(tail)];
  if (!groups.every(isHexGroup)) return false;
  if (tail === undefined ? groups.length !== 8 : groups.length > 7 || groups.length < 2)
    return false;
  return /\d/.test(candidate) && groups.some((g) => g.length >= 3);
}
