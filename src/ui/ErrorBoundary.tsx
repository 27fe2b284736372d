/**
 * The last line of defence: a render error shows what happened and ends the app through Ink (`onError`), which leaves
 * raw mode and shows the cursor again, so the operator's terminal is restored.
 */
import { Box, Text } from 'ink';
import { Component, type ReactNode } from 'react';
import { sanitize } from './text/sanitize.js';

type Props = { readonly title: string; readonly onError: (error: Error) => void; readonly children: ReactNode };

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError = (error: Error) => ({ error });
  override componentDidCatch = (error: Error): void => this.props.onError(error);

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box flexDirection="column">
        <Text bold>{this.props.title}</Text>
        <Text>{sanitize(error.message)}</Text>
      </Box>
    );
  }
}
