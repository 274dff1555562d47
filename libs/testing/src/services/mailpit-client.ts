/** A message as Mailpit lists it. `MessageID` comes without its angle brackets. */
export interface MailpitSummary {
  ID: string;
  MessageID: string;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[];
  Subject: string;
  Created: string;
  Size: number;
}

/** A whole message as Mailpit parsed it. Reading one marks it read, which the tests ignore. */
export interface MailpitMessage extends MailpitSummary {
  Text: string;
  HTML: string;
  ListUnsubscribe: { Header: string; Links: string[]; Errors: string; HeaderPost: string };
}

const SEARCH_PAGE = 100_000;

interface MailpitList {
  total: number;
  messages_count: number;
  messages: MailpitSummary[];
}

/** The few calls of Mailpit's REST API (/api/v1) the email tests use. */
export class MailpitClient {
  constructor(readonly url: string) {}

  /** Every stored message, newest first (limit=0 lifts the page size of 50). */
  async messages(): Promise<MailpitSummary[]> {
    return (await this.call<MailpitList>('GET', '/api/v1/messages?limit=0')).messages;
  }

  /**
   * Messages matching a Mailpit search (`message-id:…`, `to:…`, `subject:"…"`: substring matches),
   * all of them. Unlike the list, search answers limit=0 with no messages: a large page is asked.
   */
  async search(query: string): Promise<MailpitSummary[]> {
    const path = `/api/v1/search?limit=${SEARCH_PAGE}&query=${encodeURIComponent(query)}`;
    const found = await this.call<MailpitList>('GET', path);
    if (found.messages.length !== found.messages_count) {
      throw new Error(`Mailpit search "${query}" matched ${found.messages_count}, more than one page`);
    }
    return found.messages;
  }

  /** The message stored under exactly this Message-ID (brackets optional); fails unless there is one. */
  async byMessageId(messageId: string): Promise<MailpitMessage> {
    const bare = messageId.replace(/^<|>$/g, '');
    const found = (await this.search(`message-id:"${bare}"`)).filter((m) => m.MessageID === bare);
    if (found.length !== 1)
      throw new Error(`Mailpit holds ${found.length} message(s) with Message-ID ${bare}`);
    return this.message(found[0].ID);
  }

  message(id: string): Promise<MailpitMessage> {
    return this.call<MailpitMessage>('GET', `/api/v1/message/${encodeURIComponent(id)}`);
  }

  /** The headers as received, each name with all its values. */
  headers(id: string): Promise<Record<string, string[]>> {
    return this.call('GET', `/api/v1/message/${encodeURIComponent(id)}/headers`);
  }

  async deleteAll(): Promise<void> {
    await this.call('DELETE', '/api/v1/messages');
  }

  async deleteMatching(query: string): Promise<void> {
    await this.call('DELETE', `/api/v1/search?query=${encodeURIComponent(query)}`);
  }

  /** Messages stored more than once: total − distinct Message-IDs, over a search or everything. */
  async duplicates(query?: string): Promise<number> {
    const messages = query === undefined ? await this.messages() : await this.search(query);
    return messages.length - new Set(messages.map((m) => m.MessageID)).size;
  }

  private async call<T>(method: string, path: string): Promise<T> {
    const response = await fetch(new URL(path, this.url), { method });
    const text = await response.text();
    if (!response.ok) throw new Error(`Mailpit ${method} ${path} answered ${response.status}: ${text}`);
    const json = response.headers.get('content-type')?.includes('application/json');
    return (json ? JSON.parse(text) : text) as T;
  }
}
