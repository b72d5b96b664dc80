/*
 * Numbers that identify a person are masked before a question is stored. Digits may be split by spaces or
 * dashes as people type them; full-width digits are folded first.
 */
const SEP = '[\\s\\-－—]?';
const ID_CARD = new RegExp(`(?<![0-9])[1-9](?:${SEP}[0-9]){16}${SEP}[0-9Xx](?![0-9])|(?<![0-9])[1-9](?:${SEP}[0-9]){14}(?![0-9])`, 'g');
const BANK_CARD = new RegExp(`(?<![0-9])[0-9](?:${SEP}[0-9]){15,18}(?![0-9])`, 'g');
const MOBILE = new RegExp(`(?<![0-9])(?:\\+?86${SEP})?1${SEP}[3-9](?:${SEP}[0-9]){9}(?![0-9])`, 'g');
const LANDLINE = new RegExp(`(?<![0-9])0[1-9][0-9]{1,2}${SEP}[1-9][0-9]{6,7}(?![0-9])`, 'g');

function foldFullWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

export function maskPersonalNumbers(text: string): string {
  return foldFullWidthDigits(text)
    .replace(ID_CARD, '[身份证号]')
    .replace(MOBILE, '[电话]')
    .replace(BANK_CARD, '[卡号]')
    .replace(LANDLINE, '[电话]');
}
