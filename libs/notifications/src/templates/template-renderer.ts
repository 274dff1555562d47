import { createHash } from 'node:crypto';
import type { TemplateDelegate } from 'handlebars';
import type mjml2html from 'mjml';
import { FALLBACK_ORDER } from '@tadamon/reference-data';
import type { Language, Trigger } from '../domain/notification/notification-messages';
import { BUILT_IN_CATALOGUE } from './catalogue/built-in-catalogue';
import { layoutMjml, layoutText } from './message-layout';
import { messageHandlebars } from './message-formatting';
import type { MessageModel, RenderedMessage } from './rendered-message';
import type { TemplateCatalogue, TemplateTranslation } from './template-catalogue';

interface CompiledTemplate {
  source: TemplateTranslation;
  subject: TemplateDelegate;
  html: TemplateDelegate;
  text: TemplateDelegate;
}

/** Two different wordings under one template id and version: the version was not bumped. */
export class TemplateVersionConflict extends Error {
  constructor(key: string) {
    super(`template ${key} has two different wordings: bump its version`);
    this.name = 'TemplateVersionConflict';
  }
}

/** A template the catalogue has in no language at all. */
export class TemplateMissing extends Error {
  constructor(trigger: Trigger) {
    super(`no template for trigger ${trigger} in any language`);
    this.name = 'TemplateMissing';
  }
}

type Mjml = typeof mjml2html;
let mjml: Promise<Mjml> | undefined;
// mjml takes a quarter of a second to load: only a process that renders pays for it, once.
const loadMjml = (): Promise<Mjml> => (mjml ??= import('mjml').then((m) => m.default));

/** The language rendered: the one asked for if translated, else fr, en, ar (the first present). */
export const languageFor = (
  translations: Partial<Record<Language, TemplateTranslation>>,
  asked: Language,
): Language | undefined => [asked, ...FALLBACK_ORDER].find((language) => translations[language]);

export const bodySha256 = (subject: string, text: string, html: string): string =>
  createHash('sha256')
    .update(JSON.stringify([subject, text, html]))
    .digest('hex');

/**
 * Renders a trigger's template for one reader. MJML runs once per (template id, version, language)
 * and its HTML is kept as a compiled Handlebars template; a message costs only the Handlebars runs.
 */
export class TemplateRenderer {
  private readonly hbs = messageHandlebars();
  private readonly compiled = new Map<string, Promise<CompiledTemplate>>();
  /** How many times MJML ran (a figure for tests and metrics). */
  mjmlCompilations = 0;

  async render(
    trigger: Trigger,
    asked: Language,
    model: MessageModel,
    catalogue: TemplateCatalogue = BUILT_IN_CATALOGUE,
  ): Promise<RenderedMessage> {
    const entry = catalogue[trigger];
    const language = entry && languageFor(entry.translations, asked);
    if (!entry || !language) throw new TemplateMissing(trigger);
    const source = entry.translations[language] as TemplateTranslation;
    const template = await this.compile(`${entry.id}@${entry.version}:${language}`, language, source);
    const options = { data: { language } };
    const subject = template.subject(model, options).replace(/\s+/g, ' ').trim();
    const html = template.html(model, options);
    const text = template.text(model, options).replace(/\n{3,}/g, '\n\n');
    return {
      templateId: entry.id,
      templateVersion: entry.version,
      trigger,
      language,
      fallbackFrom: language === asked ? null : asked,
      subject,
      html,
      text,
      bodySha256: bodySha256(subject, text, html),
    };
  }

  private compile(key: string, language: Language, source: TemplateTranslation): Promise<CompiledTemplate> {
    const known = this.compiled.get(key);
    if (known) return known.then((template) => this.sameWording(key, template, source));
    const compiling = this.compileNow(language, source);
    this.compiled.set(key, compiling);
    // A failed compile is not kept: the next render tries again (and fails the same way if it must).
    compiling.catch(() => this.compiled.delete(key));
    return compiling;
  }

  private sameWording(
    key: string,
    template: CompiledTemplate,
    source: TemplateTranslation,
  ): CompiledTemplate {
    const { subject, html, text } = template.source;
    if (
      source !== template.source &&
      (source.subject !== subject || source.html !== html || source.text !== text)
    ) {
      throw new TemplateVersionConflict(key);
    }
    return template;
  }

  private async compileNow(language: Language, source: TemplateTranslation): Promise<CompiledTemplate> {
    const toHtml = await loadMjml();
    this.mjmlCompilations += 1;
    const { html } = await toHtml(layoutMjml(language, source), { validationLevel: 'strict' });
    return {
      source,
      subject: this.hbs.compile(source.subject, { noEscape: true }),
      html: this.hbs.compile(html),
      text: this.hbs.compile(layoutText(language, source), { noEscape: true }),
    };
  }
}

let defaultRenderer: TemplateRenderer | undefined;
export const templateRenderer = (): TemplateRenderer => (defaultRenderer ??= new TemplateRenderer());

export const renderMessage = (
  trigger: Trigger,
  language: Language,
  model: MessageModel,
  catalogue?: TemplateCatalogue,
): Promise<RenderedMessage> => templateRenderer().render(trigger, language, model, catalogue);
