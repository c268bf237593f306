import { useRef } from 'preact/hooks';

export interface FilePickerButtonProps {
  label: string;
  accept: string;
  /** The hidden input's name for assistive tech and tests. */
  inputLabel: string;
  testId: string;
  onFile: (file: File) => void | Promise<void>;
}

/** A button that opens the file chooser; the same file can be chosen again right after. */
export function FilePickerButton({ label, accept, inputLabel, testId, onFile }: FilePickerButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        class="visually-hidden"
        tabIndex={-1}
        aria-label={inputLabel}
        data-testid={testId}
        onChange={async (e) => {
          const element = e.currentTarget;
          const file = element.files?.[0];
          element.value = '';
          if (file) await onFile(file);
        }}
      />
    </>
  );
}
