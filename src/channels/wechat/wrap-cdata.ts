/** Characters XML 1.0 forbids even inside CDATA; WeChat drops a reply that contains one. */
const FORBIDDEN_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * `text` as one or more CDATA sections. A `]]>` inside would end the section early, so it is split
 * across two sections (`]]` + `>`), which any XML reader joins back into the same text.
 */
export function wrapCdata(text: string): string {
  const safe = text.replace(FORBIDDEN_XML_CHARS, '').replaceAll(']]>', ']]]]><![CDATA[>');
  return `<![CDATA[${safe}]]>`;
}
