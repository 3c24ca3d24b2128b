/**
 * What a new password must be: long enough to resist guessing, short enough to
 * hash safely. No composition rules (NIST SP 800-63B): they make passwords
 * harder to remember, not harder to guess.
 */
export const passwordRules = { minLength: 12, maxLength: 200 } as const;

export const passwordProblems = ['too-short', 'too-long', 'mismatch'] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

export function checkNewPassword(password: string, confirm: string): { password?: PasswordProblem; confirm?: PasswordProblem } {
  const length = [...password].length;
  if (length < passwordRules.minLength) return { password: 'too-short' };
  if (length > passwordRules.maxLength) return { password: 'too-long' };
  if (password !== confirm) return { confirm: 'mismatch' };
  return {};
}
