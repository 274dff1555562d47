import type { Language, Trigger } from '../domain/notification/notification-messages';

/** One language's wording of a template: Handlebars sources, filled with a MessageModel. */
export interface TemplateTranslation {
  /** One line, not HTML-escaped (a mail header). */
  subject: string;
  /** An HTML fragment (paragraphs, lists) placed in the shared MJML layout; values are escaped. */
  html: string;
  /** The plain-text part, not HTML-escaped. */
  text: string;
}

/**
 * A trigger's template. `version` is an integer bumped by any change of wording (here or in the
 * layout): the version and the language rendered are recorded in NotificationRendered.
 */
export interface TemplateEntry {
  id: string;
  version: number;
  translations: Partial<Record<Language, TemplateTranslation>>;
}

export type TemplateCatalogue = Readonly<Record<Trigger, TemplateEntry>>;
