import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';
import type { PageAccess, PageEntity } from './popup-model';

export interface PageSectionProps {
  access: PageAccess;
  entities: PageEntity[];
  /** The tab's page has reported (possibly nothing); false when it never did. */
  reported: boolean;
  /** The background could not be asked. */
  error?: Error;
  onOpen: (entityId: string) => void;
  onTurnOnHere: () => void;
  onOpenSettings: () => void;
}

/** "On this page": the tab's names as chips, most mentioned first, or why there are none. */
export function PageSection({
  access,
  entities,
  reported,
  error,
  onOpen,
  onTurnOnHere,
  onOpenSettings,
}: PageSectionProps) {
  return (
    <section
      class="popup-section"
      aria-labelledby="page-heading"
      data-state={pageState(access, entities, reported, error)}
    >
      <h2 id="page-heading">
        {t('popup.page.heading')}
        {access.kind === 'on' && entities.length > 0 && <span class="heading-count"> · {entities.length}</span>}
      </h2>
      <PageBody
        access={access}
        entities={entities}
        reported={reported}
        error={error}
        onOpen={onOpen}
        onTurnOnHere={onTurnOnHere}
        onOpenSettings={onOpenSettings}
      />
    </section>
  );
}

function pageState(access: PageAccess, entities: PageEntity[], reported: boolean, error?: Error): string {
  if (access.kind !== 'on') return access.kind;
  if (error) return 'error';
  if (entities.length > 0) return 'names';
  return reported ? 'none' : 'not-reported';
}

function PageBody({ access, entities, reported, error, onOpen, onTurnOnHere, onOpenSettings }: PageSectionProps) {
  switch (access.kind) {
    case 'no-tab':
      return <p class="empty-state">{t('popup.page.noTab')}</p>;
    case 'restricted':
      return <p class="empty-state">{t('popup.page.restricted', [t('extName')])}</p>;
    case 'off-everywhere':
      return (
        <div class="empty-state">
          <p>{t('popup.page.offEverywhere', [t('extName')])}</p>
          <button type="button" class="button" onClick={onOpenSettings}>
            {t('popup.page.openSettingsToTurnOn')}
          </button>
        </div>
      );
    case 'off-here':
      return (
        <div class="empty-state">
          <p>{withElement(t('popup.page.offHere', [t('extName'), SLOT]), <strong>{access.hostname}</strong>)}</p>
          <button type="button" class="button button-primary" onClick={onTurnOnHere}>
            {t('popup.page.turnOnHere')}
          </button>
        </div>
      );
    case 'on':
      break;
  }
  if (error) {
    return (
      <p class="empty-state" role="alert">
        {t('popup.page.error', [t('extName'), error.message])}
      </p>
    );
  }
  if (entities.length === 0) {
    return (
      <p class="empty-state">
        {reported ? t('popup.page.noNames', [t('extName')]) : t('popup.page.notRead', [t('extName')])}
      </p>
    );
  }
  return (
    <ul class="chips" aria-label={t('popup.page.namesLabel')}>
      {entities.map((entity) => (
        <li key={entity.entityId}>
          <button
            type="button"
            class={`page-chip kind-${entity.kind}`}
            data-entity-id={entity.entityId}
            onClick={() => onOpen(entity.entityId)}
          >
            <span class="kind-dot" aria-hidden="true" />
            <span class="page-chip-name">{entity.name}</span>
            <span class="page-chip-count">
              {entity.count}
              <span class="visually-hidden">{t('popup.page.mentions', entity.count)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Where a message puts an element (the hostname in bold): a substitution no text contains. */
const SLOT = '\uE000';

/** The message with `element` in place of its SLOT substitution, the words around it the catalogue's. */
function withElement(message: string, element: ComponentChildren) {
  const at = message.indexOf(SLOT);
  if (at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      {element}
      {message.slice(at + SLOT.length)}
    </>
  );
}
