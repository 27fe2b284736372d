/** The status check's words in the chosen language, with `{name}` placeholders filled. */
import type { Lang } from '../config/settings.js';
import { wordsIn } from '../messages.js';
import { statusMessages } from './messages.js';

export type StatusKey = keyof typeof statusMessages;
export type StatusWords = (key: StatusKey, params?: Readonly<Record<string, string | number>>) => string;

export const statusWords = (lang: Lang): StatusWords => wordsIn(statusMessages, lang);
