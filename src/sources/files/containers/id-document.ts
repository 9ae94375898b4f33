/** Names of files that are identity documents: a scanned CCCD, a passport photo, a licence. */

// The same words as the id-document-image-file rule (rules/accounts.yml), for names of files met whole.
const ID_DOCUMENT_NAME = /(cccd|cmnd|can[-_ ]?cuoc|chung[-_ ]?minh|ho[-_ ]?chieu|passport|id[-_ ]?card|national[-_]?id|citizen[-_]?id|gplx|bang[-_]?lai|giay[-_]?phep[-_ ]?lai[-_ ]?xe|driv(?:er|ing)'?s?[-_ ]?licen[cs]e|e?kyc.*(front|back|mat[-_]?truoc|mat[-_]?sau)|id[-_]?(front|back))/i;
const IMAGE_OR_PDF = /\.(jpe?g|png|heic|heif|webp|bmp|tiff?|gif|pdf)$/i;

export function looksLikeIdDocument(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd');
  return IMAGE_OR_PDF.test(base) && ID_DOCUMENT_NAME.test(base);
}
