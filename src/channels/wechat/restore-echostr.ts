/**
 * WeCom's verification GET puts base64 `echostr` in the query unescaped, so a `+` can arrive decoded as a
 * space. Base64 never contains spaces, so turning every space back into `+` is lossless. Apply it before
 * both the signature check and decryption: WeCom signs the original value.
 */
export function restoreEchostr(echostr: string): string {
  return echostr.replaceAll(' ', '+');
}
