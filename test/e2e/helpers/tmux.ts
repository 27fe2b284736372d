/** The tmux harness lives with the tools that also drive a real terminal (README screens). */
export * from '../../../src/tools/tmux.js';
