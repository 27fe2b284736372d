import { EventEmitter } from 'node:events';

/**
 * A stdin Ink accepts as a raw-mode terminal, into which a bench types keys: each `type`
 * is read by Ink's 'readable' handler as one key press.
 */
export class FakeKeyboard extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  type(data: string): void {
    this.pending = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const d = this.pending;
    this.pending = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}
