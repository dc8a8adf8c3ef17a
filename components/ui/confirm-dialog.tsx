'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

// A modal confirmation on the native <dialog>: focus stays inside, Escape cancels, the title names the dialog.
// Focus starts on Cancel, so a stray Enter never confirms a dangerous action.

interface Props {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Keeps the confirm button disabled (e.g. until the object's name is typed). */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel = 'Cancel', danger, confirmDisabled, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  const confirmStyle = danger
    ? 'bg-red-600 text-white hover:bg-red-700 dark:bg-red-700 dark:hover:bg-red-600'
    : 'bg-sky-600 text-white hover:bg-sky-700 dark:bg-sky-700 dark:hover:bg-sky-600';
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-300 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <div className="space-y-3 p-4">
          <h2 id={titleId} className="text-base font-semibold">{title}</h2>
          <div className="max-h-[60vh] overflow-auto">{children}</div>
          <div className="flex justify-end gap-2 pt-1">
            <button ref={cancelRef} type="button" onClick={onCancel} className="rounded border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
              {cancelLabel}
            </button>
            <button type="button" disabled={confirmDisabled} onClick={onConfirm} className={`rounded px-3 py-1.5 font-medium disabled:cursor-not-allowed disabled:opacity-50 ${confirmStyle}`}>
              {confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
