import { eventsErrors } from './events.errors';

// `*`, an exact type (`drift.detected`) or a prefix ending in `.*` (`task.*`).
const TOPIC = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;
const MAX_TOPICS = 20;

/** Which event types a client wants; `*` is every type. */
export class TopicFilter {
  static readonly ALL = new TopicFilter(['*']);

  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];
  private all = false;

  private constructor(readonly topics: readonly string[]) {
    for (const topic of topics) {
      if (topic === '*') this.all = true;
      else if (topic.endsWith('.*')) this.prefixes.push(topic.slice(0, -1));
      else this.exact.add(topic);
    }
  }

  /** Parses topics from a client; `field` names the input in the 400 when one is malformed. */
  static parse(topics: readonly string[], field = 'topics'): TopicFilter {
    if (topics.length > MAX_TOPICS) throw eventsErrors.invalidTopics(field, `at most ${MAX_TOPICS} topics`);
    const bad = topics.find((topic) => typeof topic !== 'string' || topic.length > 100 || !TOPIC.test(topic));
    if (bad !== undefined) {
      throw eventsErrors.invalidTopics(field, `"${String(bad).slice(0, 100)}" is not a topic: use an event type (drift.detected), a prefix (task.*) or *`);
    }
    return new TopicFilter([...new Set(topics)]);
  }

  /** `task.*,drift.detected` from a query string; absent means every type. */
  static fromQuery(value: string | undefined, field = 'topics'): TopicFilter {
    if (value === undefined) return TopicFilter.ALL;
    return TopicFilter.parse(value.split(',').map((topic) => topic.trim()), field);
  }

  with(topics: readonly string[]): TopicFilter {
    return TopicFilter.parse([...this.topics, ...topics]);
  }

  without(topics: readonly string[]): TopicFilter {
    return new TopicFilter(this.topics.filter((topic) => !topics.includes(topic)));
  }

  matches(type: string): boolean {
    return this.all || this.exact.has(type) || this.prefixes.some((prefix) => type.startsWith(prefix));
  }
}
