import QRCode from 'qrcode';
import type { Browser, Page } from 'playwright-core';
import { ARABIC_FONT_FAMILY, certificateInputOf, certificateQrSvg, renderCertificate } from './certificate';
import { launchChromium } from './testing/chromium';
import { ARABIC_NAME, sampleIssuer } from './testing/sample-issuer';
import type { Language } from './open-badge';

/** What the page functions use of the browser (the specs' TypeScript has no DOM library). */
interface BrowserElement {
  textContent: string | null;
}
interface BrowserGlobals {
  document: {
    dir: string;
    documentElement: { lang: string };
    body: BrowserElement & { innerText: string };
    fonts: { ready: Promise<unknown>; check(font: string, text: string): boolean };
    querySelector(selector: string): BrowserElement | null;
    getElementById(id: string): BrowserElement | null;
    createElement(tag: 'canvas'): {
      width: number;
      height: number;
      getContext(kind: '2d'): {
        drawImage(image: unknown, x: number, y: number): void;
        getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
      };
    };
  };
  getComputedStyle(element: unknown): { direction: string };
  Image: new () => { src: string; width: number; height: number; decode(): Promise<void> };
}

const VERIFY_URL = 'https://tadamon.example/verify/0f7c6f52-8a5e-4c3e-9a43-2f1f7c1b2a01';

describe('the printable certificate in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(() => browser?.close());

  async function open(language: Language): Promise<Page> {
    const issuer = await sampleIssuer();
    const signed = await issuer.signer.signDataIntegrity(issuer.credential({ language }));
    const { html, fontEmbedded } = await renderCertificate(certificateInputOf(signed, language, VERIFY_URL));
    expect(fontEmbedded).toBe(true);
    expect(html).not.toMatch(/<link|<script|src="http|url\(http/);
    const page = await (await browser.newContext()).newPage();
    const outside: string[] = [];
    page.on('request', (request) => request.url().startsWith('data:') || outside.push(request.url()));
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.fonts.ready);
    expect(outside).toEqual([]);
    return page;
  }

  /** The platform fonts Chromium used for the element's text (CDP CSS.getPlatformFontsForNode). */
  async function fontsOf(page: Page, selector: string) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  }

  /**
   * Every letter of the name drawn with the embedded font (a web font: isCustomFont), none with a
   * fallback; the two spaces, outside the font's unicode-range, come from the Latin font.
   */
  function expectNameInNaskh(fonts: { familyName: string; isCustomFont: boolean; glyphCount: number }[]) {
    const naskh = fonts.filter((f) => f.isCustomFont && /Noto Naskh Arabic/.test(f.familyName));
    const letters = ARABIC_NAME.replace(/ /g, '').length;
    expect(naskh.reduce((sum, f) => sum + f.glyphCount, 0)).toBe(letters);
    const others = fonts.filter((f) => !naskh.includes(f));
    expect(others.reduce((sum, f) => sum + f.glyphCount, 0)).toBe(ARABIC_NAME.length - letters);
  }

  it('lays the Arabic certificate out right to left, the name in logical order, in the embedded Naskh font', async () => {
    const page = await open('ar');
    const dom = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
      return {
        dir: document.dir,
        lang: document.documentElement.lang,
        direction: getComputedStyle(document.getElementById('recipient')).direction,
        name: document.querySelector('#recipient bdi')?.textContent,
        achievement: document.querySelector('#achievement bdi')?.textContent,
        body: document.body.innerText,
      };
    });
    expect(dom).toMatchObject({
      dir: 'rtl',
      lang: 'ar',
      direction: 'rtl',
      name: ARABIC_NAME,
      achievement: 'تدبير الجمعيات',
    });
    expect(dom.body).toContain('شهادة إتمام');
    expect(dom.body).toContain('الوزارة المكلفة بالمغاربة المقيمين بالخارج');

    expectNameInNaskh(await fontsOf(page, '#recipient bdi'));
    expect(
      await page.evaluate(
        (family) =>
          (globalThis as unknown as BrowserGlobals).document.fonts.check(`16px '${family}'`, 'فاطمة'),
        ARABIC_FONT_FAMILY,
      ),
    ).toBe(true);

    const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    // The PDF embeds a subset of the Arabic font (its name is in the font dictionary, uncompressed).
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-(Bold|Regular)/);

    const png = await page.screenshot({ fullPage: true });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    await page.context().close();
  });

  it.each(['fr', 'en'] as const)(
    'lays the %s certificate out left to right, the Arabic name still shaped by the embedded font',
    async (language) => {
      const page = await open(language);
      const dom = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
        return {
          dir: document.dir,
          lang: document.documentElement.lang,
          direction: getComputedStyle(document.body).direction,
          name: document.querySelector('#recipient bdi')?.textContent,
        };
      });
      expect(dom).toEqual({ dir: 'ltr', lang: language, direction: 'ltr', name: ARABIC_NAME });
      expect(await page.locator('#achievement').innerText()).toBe(
        language === 'fr' ? 'Gestion associative' : 'Running an association',
      );
      expectNameInNaskh(await fontsOf(page, '#recipient bdi'));
      await page.context().close();
    },
  );

  it('prints a QR code whose modules are those of the verification URL', async () => {
    const svg = await certificateQrSvg(VERIFY_URL);
    const qr = QRCode.create(VERIFY_URL, { errorCorrectionLevel: 'M' });
    const segments = qr.segments as unknown as { data: Uint8Array }[];
    expect(Buffer.concat(segments.map((segment) => segment.data)).toString()).toBe(VERIFY_URL);

    const page = await open('ar');
    expect(await page.locator('#qr path[stroke]').getAttribute('d')).toBe(
      /stroke="#000000" d="([^"]+)"/.exec(svg)?.[1],
    );
    // Read the rendered code back from a screenshot: each module's centre pixel, dark or light.
    const size = qr.modules.size;
    const shot = await page.locator('#qr svg').screenshot();
    const dark = await page.evaluate(
      async ({ png, size }) => {
        const { document, Image } = globalThis as unknown as BrowserGlobals;
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0);
        const cell = image.width / (size + 2);
        const bits: boolean[] = [];
        for (let row = 0; row < size; row++)
          for (let col = 0; col < size; col++) {
            const [r] = context.getImageData(
              Math.floor((col + 1.5) * cell),
              Math.floor((row + 1.5) * cell),
              1,
              1,
            ).data;
            bits.push(r < 128);
          }
        return bits;
      },
      { png: shot.toString('base64'), size },
    );
    expect(dark).toEqual(Array.from(qr.modules.data, (bit) => bit === 1));
    await page.context().close();
  });
});
