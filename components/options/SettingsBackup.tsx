import { useRef, useState } from 'preact/hooks';

export interface SettingsBackupProps {
  onExport: () => void;
  /** Imports a file; resolves to a message saying what happened, or an error. */
  onImport: (file: File) => Promise<{ ok: boolean; message: string }>;
}

/** Export settings to a JSON file and import them back. */
export function SettingsBackup({ onExport, onImport }: SettingsBackupProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div class="backup">
      <div class="button-row">
        <button type="button" onClick={onExport}>
          Export settings…
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import settings…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label="Settings file to import"
          data-testid="import-file"
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = ''; // the same file can be chosen again
            if (file) setResult(await onImport(file));
          }}
        />
      </div>
      <p class={result && !result.ok ? 'feedback error' : 'feedback'} role={result && !result.ok ? 'alert' : 'status'}>
        {result?.message ?? ''}
      </p>
    </div>
  );
}
