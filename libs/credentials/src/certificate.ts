import { existsSync, readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { issuerIdOf } from './issuer';
import type { Credential, Language } from './open-badge';

export interface CertificateInput {
  language: Language;
  recipientName: string;
  achievementName: string;
  issuerName: string;
  validFrom: string;
  validUntil?: string;
  /** The public page that verifies the credential; the QR code and the printed link point to it. */
  verificationUrl: string;
}

/** Debian's fonts-noto-core (regular and bold Naskh); `arabicFont` in the options names other files. */
export const SYSTEM_ARABIC_FONT = {
  regular: '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
  bold: '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Bold.ttf',
};
export const ARABIC_FONT_FAMILY = 'Tadamon Naskh';

const LABELS: Record<
  Language,
  {
    title: string;
    awardedTo: string;
    for: string;
    issuedBy: string;
    valid: string;
    until: string;
    verify: string;
  }
> = {
  fr: {
    title: 'Certificat de réussite',
    awardedTo: 'décerné à',
    for: 'pour le module',
    issuedBy: 'Délivré par',
    valid: 'Valable à partir du',
    until: 'jusqu’au',
    verify: 'Vérifier ce certificat',
  },
  ar: {
    title: 'شهادة إتمام',
    awardedTo: 'تُمنح إلى',
    for: 'لإتمام وحدة',
    issuedBy: 'صادرة عن',
    valid: 'صالحة ابتداءً من',
    until: 'إلى غاية',
    verify: 'التحقق من هذه الشهادة',
  },
  en: {
    title: 'Certificate of completion',
    awardedTo: 'awarded to',
    for: 'for the module',
    issuedBy: 'Issued by',
    valid: 'Valid from',
    until: 'until',
    verify: 'Verify this certificate',
  },
};

/** The certificate's fields read from an Open Badge credential of ours, in one of its languages. */
export function certificateInputOf(
  credential: Credential,
  language: Language,
  verificationUrl: string,
): CertificateInput {
  const subject = credential.credentialSubject as { name?: string; achievement?: { name?: string } };
  const issuer = credential.issuer as { name?: unknown };
  return {
    language,
    recipientName: subject.name ?? '',
    achievementName: inLanguage(credential.name, language) ?? subject.achievement?.name ?? '',
    issuerName: inLanguage(issuer.name, language) ?? issuerIdOf(credential) ?? '',
    validFrom: String(credential.validFrom),
    validUntil: typeof credential.validUntil === 'string' ? credential.validUntil : undefined,
    verificationUrl,
  };
}

/**
 * A self-contained, printable (A4 landscape) HTML page: inline CSS, the Arabic font embedded as a
 * data URI (when the font file exists; otherwise the system's fonts, see `fontEmbedded`), `lang`
 * and `dir` of the language, and a QR code (inline SVG) to the verification page.
 */
export async function renderCertificate(
  input: CertificateInput,
  options: { arabicFont?: { regular: string; bold: string } } = {},
): Promise<{ html: string; fontEmbedded: boolean }> {
  const { language } = input;
  const labels = LABELS[language];
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const font = options.arabicFont ?? SYSTEM_ARABIC_FONT;
  const fontEmbedded = existsSync(font.regular) && existsSync(font.bold);
  const qr = await certificateQrSvg(input.verificationUrl);
  const date = (iso: string) =>
    new Intl.DateTimeFormat(`${language}-MA`, {
      dateStyle: 'long',
      timeZone: 'UTC',
      numberingSystem: 'latn',
    }).format(new Date(iso));
  const validity = `${labels.valid} ${date(input.validFrom)}${input.validUntil ? ` ${labels.until} ${date(input.validUntil)}` : ''}`;
  const html = `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(labels.title)} — ${escapeHtml(input.recipientName)}</title>
<style>
${fontEmbedded ? fontFaces(font) : ''}
@page { size: A4 landscape; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; }
body {
  font-family: '${ARABIC_FONT_FAMILY}', 'Noto Sans', 'Noto Naskh Arabic', sans-serif;
  color: #1d2b36; width: 297mm; height: 210mm; padding: 14mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.frame { height: 100%; border: 3mm double #0f6e4f; padding: 12mm 16mm; display: flex; flex-direction: column; text-align: center; }
h1 { font-size: 30pt; margin: 0 0 6mm; color: #0f6e4f; }
.awarded { font-size: 14pt; margin: 0; }
.recipient { font-size: 32pt; font-weight: 700; margin: 4mm 0 6mm; }
.achievement { font-size: 20pt; margin: 2mm 0 8mm; }
.issuer, .validity { font-size: 12pt; margin: 1mm 0; }
.footer { margin-top: auto; display: flex; align-items: flex-end; justify-content: space-between; gap: 10mm; }
.verify { font-size: 9pt; text-align: start; }
.verify a { color: inherit; word-break: break-all; }
.qr svg { width: 32mm; height: 32mm; display: block; }
</style>
</head>
<body>
<main class="frame">
<h1>${escapeHtml(labels.title)}</h1>
<p class="awarded">${escapeHtml(labels.awardedTo)}</p>
<p class="recipient" id="recipient"><bdi>${escapeHtml(input.recipientName)}</bdi></p>
<p class="awarded">${escapeHtml(labels.for)}</p>
<p class="achievement" id="achievement"><bdi>${escapeHtml(input.achievementName)}</bdi></p>
<p class="issuer">${escapeHtml(labels.issuedBy)} <bdi>${escapeHtml(input.issuerName)}</bdi></p>
<p class="validity">${escapeHtml(validity)}</p>
<div class="footer">
<p class="verify">${escapeHtml(labels.verify)}<br><a dir="ltr" href="${escapeHtml(input.verificationUrl)}">${escapeHtml(input.verificationUrl)}</a></p>
<div class="qr" id="qr" role="img" aria-label="${escapeHtml(labels.verify)}">${qr}</div>
</div>
</main>
</body>
</html>
`;
  return { html, fontEmbedded };
}

/** The QR code's SVG (error correction M, a one-module quiet zone) for the verification URL. */
export function certificateQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

function fontFaces(font: { regular: string; bold: string }) {
  const face = (file: string, weight: number) =>
    `@font-face { font-family: '${ARABIC_FONT_FAMILY}'; font-weight: ${weight}; font-display: block; ` +
    `src: url(data:font/ttf;base64,${readFileSync(file).toString('base64')}) format('truetype'); ` +
    'unicode-range: U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF, U+200C-200F; }';
  return `${face(font.regular, 400)}\n${face(font.bold, 700)}`;
}

function inLanguage(value: unknown, language: Language): string | undefined {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) return undefined;
  const match = value.find((v) => v?.['@language'] === language) ?? value[0];
  return typeof match?.['@value'] === 'string' ? match['@value'] : undefined;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
