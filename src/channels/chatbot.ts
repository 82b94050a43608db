/**
 * The chatbot adapter: what a bot says, with exact positions into YAML, JSON and LG sources.
 *
 * - Rasa `domain.yml` (`format: rasa`): every variant of every `responses.utter_*` (or Rasa 1
 *   `templates`) is one `bot-response` message: `text` (scope `bot-reply`), `buttons[].title` and
 *   `quick_replies[].title` (scope `button`); a variant's `channel:` is its platform. `custom`,
 *   `image` and payloads are not prose. Campaign, locale and platform come from a top-level
 *   `metadata:` mapping, and per variant from its `metadata:` (which Rasa passes to the channel).
 * - The brandlint bot script (`*.bot.yml`/`*.bot.json`, `format: bot-script`): see
 *   bot-script-schema.ts and docs/channels.md.
 * - Bot Framework `.lg` files (`format: lg`): see lg.ts.
 *
 * Slot placeholders (`{name}`, `${user.name}`, `{{slot}}`) stay in the text and are listed in
 * `templateRanges`; YAML comments are recorded for disable directives.
 */
import type { Channel } from '../core/channels.js';
import type { ContentDocument, Message } from '../core/document.js';
import type { Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import { DocumentBuilder, type DocumentInput } from './builder.js';
import { parseLg } from './lg.js';
import { normalizePlatform } from './metadata-values.js';
import { pushRun } from './prose-run.js';
import { addYamlComments, composeYaml, decodeScalar, loadYaml, type YamlModule } from './yaml-source.js';

export type ChatbotFormat = 'rasa' | 'bot-script' | 'lg';

export type ChatbotInput = Omit<DocumentInput, 'format' | 'channel'> & {
  /** `lg`, `rasa`, `bot-script`, or the data format `yaml`/`json`; default from the file name. */
  format?: string;
  channel?: Channel;
};

const SLOTS = { slots: true } as const;

/** Top-level keys of Rasa files that hold no bot text (NLU data, stories, rules, configuration). */
const RASA_KEYS = new Set(['intents', 'entities', 'slots', 'actions', 'forms', 'session_config', 'nlu', 'stories', 'rules', 'test_stories', 'e2e_actions', 'pipeline', 'policies', 'recipe', 'assistant_id']);

export async function parseChatbot(input: ChatbotInput): Promise<ContentDocument> {
  const lower = input.file.toLowerCase();
  if (input.format === 'lg' || (input.format === undefined && lower.endsWith('.lg'))) {
    return parseLg({ ...input, channel: input.channel ?? 'chatbot', format: 'lg' });
  }
  const json = input.format === 'json' || (input.format !== 'yaml' && lower.endsWith('.json'));
  const builder = new DocumentBuilder({ ...input, channel: input.channel ?? 'chatbot', format: json ? 'json' : 'yaml' });
  await readBotData(builder, json, input.format);
  return builder.document;
}

interface Located<T> {
  value: T;
  node: YamlNode;
}

async function readBotData(builder: DocumentBuilder, json: boolean, requested: string | undefined): Promise<void> {
  const { document } = builder;
  const [{ parseDataFile, validateData, yamlDataFile, YAML_DATA_OPTIONS }, yaml] = await Promise.all([import('../core/data-file.js'), loadYaml()]);
  const { text } = document;
  // YAML is composed once, as a data file (JSON is read as data by its own parser, and as YAML for
  // its nodes). A byte-order mark, which a data file reads as a space, takes the general path.
  const once = !json && text.charCodeAt(0) !== 0xfeff;
  const composed = once ? composeYaml(yaml, text, YAML_DATA_OPTIONS) : null;
  const checked = composed
    ? yamlDataFile(text, document.file, composed.documents, document.lines, 'parse')
    : parseDataFile(text, document.file, { format: json ? 'json' : 'yaml', ruleIdPrefix: 'parse' });
  document.parseProblems.push(...checked.diagnostics);
  // A broken JSON file has no reliable structure to position anything in.
  if (json && checked.data === undefined) return;

  const source = composed ?? composeYaml(yaml, text);
  if (!json) addYamlComments(builder, source.comments);
  const root = source.documents[0]?.contents ?? null;
  const reader = new BotDataReader(builder, yaml);
  if (!yaml.isMap(root)) {
    if (document.text.trim() !== '' && checked.data !== undefined) unrecognized(builder);
    return;
  }
  const keys = root.items.map((pair) => keyName(yaml, pair)).filter((key): key is string => key !== null);
  // Rasa responses are a mapping of names (Dialogflow's intent files have a `responses` list).
  const rasa = requested === 'rasa' || ['responses', 'templates'].some((key) => yaml.isMap(reader.get(root, key)));
  const script = requested === 'bot-script' || keys.includes('replies') || keys.includes('bot');
  if (rasa && requested !== 'bot-script') {
    document.format = 'rasa';
    reader.rasa(root);
  } else if (script) {
    document.format = 'bot-script';
    if (checked.data !== undefined) {
      const { BotScriptSchema } = await import('./bot-script-schema.js');
      const { diagnostics } = validateData(BotScriptSchema, checked.data, checked.locate, document.file, 'parse/bot-script');
      document.parseProblems.push(...diagnostics);
    }
    reader.botScript(root);
  } else if (keys.some((key) => RASA_KEYS.has(key))) {
    // Rasa NLU data, stories, rules or configuration: no bot text.
    document.format = 'rasa';
  } else unrecognized(builder);
}

function unrecognized(builder: DocumentBuilder): void {
  builder.problem(
    'parse/unrecognized',
    'no bot replies found: expected `responses:` (Rasa domain) or `replies:` (brandlint bot script, see docs/channels.md)',
    builder.range(0, Math.min(1, builder.text.length)),
    'warning',
  );
}

function keyName(yaml: YamlModule, pair: Pair<unknown, unknown>): string | null {
  return yaml.isScalar(pair.key) ? String(pair.key.value) : null;
}

interface MetaValues {
  campaign?: Located<string>;
  locale?: Located<string>;
  platform?: Located<string>;
}

class BotDataReader {
  private readonly document: ContentDocument;

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly yaml: YamlModule,
  ) {
    this.document = builder.document;
  }

  // ---------------------------------------------------------------------------------------------
  // Rasa
  // ---------------------------------------------------------------------------------------------

  rasa(root: YAMLMap): void {
    const meta = this.metaOf(this.get(root, 'metadata'));
    this.applyDocumentMeta(meta);
    for (const key of ['responses', 'templates']) {
      const responses = this.get(root, key);
      if (!this.yaml.isMap(responses)) continue;
      for (const pair of responses.items) {
        const name = keyName(this.yaml, pair);
        if (name === null || !this.yaml.isSeq(pair.value)) continue;
        pair.value.items.forEach((variant, index) => this.rasaVariant(name, index, variant));
      }
    }
  }

  private rasaVariant(name: string, index: number, variant: unknown): void {
    const id = `${name}[${index}]`;
    if (this.yaml.isScalar(variant)) {
      // Rasa 1 allowed a bare string as a response.
      const message = this.message(id, variant, {});
      this.text(variant, 'bot-reply', message);
      return;
    }
    if (!this.yaml.isMap(variant)) return;
    const channel = this.string(this.get(variant, 'channel'));
    const meta = this.metaOf(this.get(variant, 'metadata'));
    const message = this.message(id, variant, {
      ...(channel ? { platform: normalizePlatform(channel.value) } : meta.platform ? { platform: normalizePlatform(meta.platform.value) } : {}),
      ...(meta.locale ? { locale: meta.locale.value } : {}),
      ...(meta.campaign ? { campaign: meta.campaign.value } : {}),
    });
    this.text(this.get(variant, 'text'), 'bot-reply', message);
    this.buttons(this.get(variant, 'buttons'), message);
    this.buttons(this.get(variant, 'quick_replies'), message);
  }

  // ---------------------------------------------------------------------------------------------
  // brandlint bot script
  // ---------------------------------------------------------------------------------------------

  botScript(root: YAMLMap): void {
    const bot = this.get(root, 'bot');
    this.applyDocumentMeta(this.metaOf(bot));
    const replies = this.get(root, 'replies');
    if (!this.yaml.isSeq(replies)) return;
    const items = replies.items.filter((item): item is YAMLMap => this.yaml.isMap(item));
    const ids = items.map((item, index) => this.string(this.get(item, 'id'))?.value ?? `reply-${index + 1}`);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const base = ids[index]!;
      const text = this.get(item, 'text');
      const variations = this.yaml.isSeq(text) ? text.items : [text];
      const platform = this.string(this.get(item, 'channel')) ?? this.string(this.get(item, 'platform'));
      const locale = this.string(this.get(item, 'locale'));
      const campaign = this.string(this.get(item, 'campaign'));
      const overrides: Partial<Message> = {
        ...(platform ? { platform: normalizePlatform(platform.value) } : {}),
        ...(locale ? { locale: locale.value } : {}),
        ...(campaign ? { campaign: campaign.value } : {}),
      };
      variations.forEach((variation, k) => {
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        const several = (counts.get(base) ?? 0) > 1 || variations.length > 1;
        const id = several ? `${base}[${n}]` : base;
        const anchor = this.yaml.isSeq(text) && this.isNode(variation) ? variation : item;
        const message = this.message(id, anchor, overrides);
        this.text(variation, 'bot-reply', message);
        // Buttons go with every variation; they are read once, with the first.
        if (k === 0) {
          this.buttons(this.get(item, 'buttons'), message);
          this.buttons(this.get(item, 'quick_replies'), message);
        }
      });
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Shared
  // ---------------------------------------------------------------------------------------------

  private message(id: string, node: YamlNode, overrides: Partial<Message>): Message {
    const [start, nodeEnd] = node.range ?? [0, 0];
    // A block mapping's range runs to the next item: the message ends with its last character.
    let end = nodeEnd;
    while (end > start && /\s/.test(this.document.text[end - 1]!)) end--;
    const message: Message = { id, kind: 'bot-response', range: this.builder.range(start, end), ...overrides };
    const { metadata } = this.document;
    if (message.platform === undefined && metadata.platform !== undefined) message.platform = metadata.platform;
    this.document.messages.push(message);
    return message;
  }

  /** A text scalar as a run. An alias (`*greeting`) is skipped: its anchor is read where it is written. */
  private text(node: unknown, scope: 'bot-reply' | 'button', message: Message): void {
    if (!this.yaml.isScalar(node) || node.value === null) return;
    const decoded = decodeScalar(this.document.text, node);
    if (!decoded) return;
    const locale = message.locale ?? this.document.metadata.locale;
    pushRun(this.builder, decoded.decoded, decoded.rawStart, decoded.rawEnd, { scope, messageId: message.id, locale }, SLOTS);
  }

  private buttons(node: unknown, message: Message): void {
    if (!this.yaml.isSeq(node)) return;
    for (const button of node.items) {
      if (this.yaml.isScalar(button)) this.text(button, 'button', message);
      else if (this.yaml.isMap(button)) this.text(this.get(button, 'title'), 'button', message);
    }
  }

  private metaOf(node: unknown): MetaValues {
    if (!this.yaml.isMap(node)) return {};
    const meta: MetaValues = {};
    const campaign = this.string(this.get(node, 'campaign'));
    const locale = this.string(this.get(node, 'locale')) ?? this.string(this.get(node, 'lang'));
    const platform = this.string(this.get(node, 'platform')) ?? this.string(this.get(node, 'channel'));
    if (campaign) meta.campaign = campaign;
    if (locale) meta.locale = locale;
    if (platform) meta.platform = platform;
    return meta;
  }

  private applyDocumentMeta(meta: MetaValues): void {
    const { metadata } = this.document;
    if (meta.campaign) {
      metadata.campaign = meta.campaign.value;
      const [start, end] = meta.campaign.node.range ?? [0, 0];
      metadata.campaignRange = this.builder.range(start, end);
    }
    if (meta.locale) metadata.locale = meta.locale.value;
    if (meta.platform) metadata.platform = normalizePlatform(meta.platform.value);
  }

  /** The value of `key` in a mapping (undefined when `map` is no mapping or has no such key). */
  get(map: unknown, key: string): unknown {
    if (!this.yaml.isMap(map)) return undefined;
    for (const pair of (map as YAMLMap<unknown, unknown>).items) if (keyName(this.yaml, pair) === key) return pair.value;
    return undefined;
  }

  /** A non-empty scalar written as text (numbers and booleans too, as written). */
  private string(node: unknown): Located<string> | undefined {
    if (!this.yaml.isScalar(node) || node.value === null || node.value === undefined) return undefined;
    const value = String((node as Scalar).value).trim();
    return value === '' ? undefined : { value, node };
  }

  private isNode(node: unknown): node is YamlNode {
    return this.yaml.isScalar(node) || this.yaml.isMap(node) || this.yaml.isSeq(node);
  }
}
