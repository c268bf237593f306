import { useState } from 'preact/hooks';
import { FilePickerButton } from './FilePickerButton';
import { t } from '../../lib/i18n';

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
          {t('options.backup.export')}
        </button>
        <FilePickerButton
          label={t('options.backup.import')}
          accept="application/json,.json"
          inputLabel={t('options.backup.fileLabel')}
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
