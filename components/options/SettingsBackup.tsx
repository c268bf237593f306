import { useState } from 'preact/hooks';
import { FilePickerButton } from './FilePickerButton';

export interface SettingsBackupProps {
  onExport: () => void;
  /** Imports a file; resolves to a message saying what happened, or an error. */
  onImport: (file: File) => Promise<{ ok: boolean; message: string }>;
}

/** Export settings to a JSON file and import them back. */
export function SettingsBackup({ onExport, onImport }: SettingsBackupProps) {
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div class="backup">
      <div class="button-row">
        <button type="button" onClick={onExport}>
          Export settings…
        </button>
        <FilePickerButton
          label="Import settings…"
          accept="application/json,.json"
          inputLabel="Settings file to import"
          testId="import-file"
          onFile={async (file) => setResult(await onImport(file))}
        />
      </div>
      <p class={result && !result.ok ? 'feedback error' : 'feedback'} role={result && !result.ok ? 'alert' : 'status'}>
        {result?.message ?? ''}
      </p>
    </div>
  );
}
