/** The state owner exposed to components through one hook. */
import { createContext, useContext, useReducer, type Dispatch, type ReactNode } from 'react';
import { initialState, reduce, type ConsoleAction, type ConsoleState } from './state.js';

interface ConsoleStore {
  readonly state: ConsoleState;
  readonly dispatch: Dispatch<ConsoleAction>;
}

const ConsoleContext = createContext<ConsoleStore | null>(null);

export function ConsoleProvider({ initial, children }: { initial?: ConsoleState; children: ReactNode }) {
  const [state, dispatch] = useReducer(reduce, initial ?? initialState());
  return <ConsoleContext.Provider value={{ state, dispatch }}>{children}</ConsoleContext.Provider>;
}

export function useConsole(): ConsoleStore {
  const store = useContext(ConsoleContext);
  if (!store) throw new Error('useConsole outside ConsoleProvider');
  return store;
}
