/** XML as X-Road writes it: namespace prefixes dropped (peers choose their own), values as text, `@attributes`. */
import { XMLParser } from 'fast-xml-parser';

/** One parsed element: child elements by local name, text under `#text`, attributes under `@…`. */
export type XmlNode = { readonly [name: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
});

/** Parses a document; throws an Error saying where the XML is broken. */
export function parseXml(text: string): XmlNode {
  const doc: unknown = parser.parse(text, true);
  if (doc === null || typeof doc !== 'object') throw new Error('expected an XML document');
  return doc as XmlNode;
}

/** The children named `name` as a list, whether the element occurs once or many times. */
export function children(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (v !== null && typeof v === 'object' ? (v as XmlNode) : { '#text': v }));
}

/** The first child named `name`, if any. */
export const child = (node: unknown, name: string): XmlNode | undefined => children(node, name)[0];

/** The text of the first child named `name` (trimmed), or undefined when absent or empty. */
export const text = (node: unknown, name: string): string | undefined =>
  String(child(node, name)?.['#text'] ?? '').trim() || undefined;
