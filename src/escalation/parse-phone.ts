/**
 * A phone number a resident typed, checked and written one way: a mainland mobile (11 digits, 1[3-9]…, an
 * optional +86) or a landline with its area code (`0797-8123456`). Spaces, dashes and full-width digits are
 * allowed as people type them, and so are words around one number ("我的手机是…"). Anything else, or two
 * numbers, is refused so a mediator never gets a number that cannot ring.
 */
export function parsePhone(text: string): string | undefined {
  const candidates = text.normalize('NFKC').match(/\+?\d[\d\s\-()]*\d/g) ?? [];
  if (candidates.length !== 1) return undefined;
  const digits = candidates[0]!.replace(/\D/g, '');
  const mobile = /^(?:86)?(1[3-9]\d{9})$/.exec(digits);
  if (mobile) return mobile[1];
  const landline = /^(0(?:[12]\d|[3-9]\d{2}))([2-9]\d{6,7})$/.exec(digits);
  if (landline) return `${landline[1]}-${landline[2]}`;
  return undefined;
}
