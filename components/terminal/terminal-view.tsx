'use client';

import { useEffect, useRef } from 'react';
import '@xterm/xterm/css/xterm.css';
import { openShell, type ShellState } from './shell-socket';

// The terminal itself: xterm.js fitted to its box, wired to one shell socket for as long as it is mounted (the
// parent remounts it with a new key to reconnect). Copy: select, then Ctrl+Shift+C (or the context menu); paste:
// Ctrl+Shift+V, the context menu, or middle click — xterm sends pasted text as input, bracketed when the shell asks.

interface Props {
  namespace: string;
  pod: string;
  container: string;
  command?: string;
  onState: (s: ShellState) => void;
}

export function TerminalView({ namespace, pod, container, command, onState }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const stateRef = useRef(onState);
  useEffect(() => {
    stateRef.current = onState;
  }, [onState]);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    (async () => {
      // xterm touches `window` when loaded: import it in the browser only.
      const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit')]);
      if (disposed || !box.current) return;
      const term = new Terminal({ cursorBlink: true, fontSize: 13, scrollback: 5000, convertEol: false });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(box.current);
      fit.fit();
      const shell = openShell({ namespace, pod, container, command }, { cols: term.cols, rows: term.rows }, {
        output: (data) => term.write(data),
        state: (s) => stateRef.current(s),
      });
      term.attachCustomKeyEventHandler((e) => {
        if (e.type !== 'keydown' || !e.ctrlKey || !e.shiftKey) return true;
        if (e.code === 'KeyC' && term.hasSelection()) {
          void navigator.clipboard?.writeText(term.getSelection());
          return false;
        }
        if (e.code === 'KeyV') {
          void navigator.clipboard?.readText().then((t) => term.paste(t));
          return false;
        }
        return true;
      });
      const input = term.onData((d) => shell.input(d));
      const resized = term.onResize(({ cols, rows }) => shell.resize(cols, rows));
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(box.current);
      term.focus();
      cleanup = () => {
        observer.disconnect();
        input.dispose();
        resized.dispose();
        shell.close();
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [namespace, pod, container, command]);

  return <div ref={box} data-testid="terminal" className="h-[60vh] min-h-64 w-full overflow-hidden rounded border border-zinc-300 bg-black p-1 dark:border-zinc-700" />;
}
