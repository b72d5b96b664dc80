import { findTopic, type Topic, type TopicId } from '../../consultation/topic-menus.js';

/**
 * The `key` of each CLICK button in the account's custom menu (docs/wechat.md shows a menu to create).
 * Any other key, such as `TOPICS`, shows the numbered topic list.
 */
export const MENU_KEYS: ReadonlyMap<string, TopicId> = new Map([
  ['TOPIC_LAND', 'land'],
  ['TOPIC_ELDER', 'elder'],
  ['TOPIC_MARRIAGE', 'marriage'],
  ['TOPIC_WAGES', 'wages'],
  ['TOPIC_DEBT', 'debt'],
  ['TOPIC_NEIGHBOR', 'neighbor'],
  ['TOPIC_INHERITANCE', 'inheritance'],
  ['TOPIC_HELP', 'help'],
]);

export function topicForMenuKey(key: string): Topic | undefined {
  const id = MENU_KEYS.get(key);
  return id === undefined ? undefined : findTopic(id);
}
