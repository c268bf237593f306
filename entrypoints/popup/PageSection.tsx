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
        On this page
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
      return <p class="empty-state">There is no open tab to read.</p>;
    case 'restricted':
      return (
        <p class="empty-state">
          Dramalens can’t read this page. Browsers keep extensions off their own pages (settings, new tab, other
          extensions) and off the extension store.
        </p>
      );
    case 'off-everywhere':
      return (
        <div class="empty-state">
          <p>Dramalens is switched off everywhere, so it isn’t reading pages.</p>
          <button type="button" class="button" onClick={onOpenSettings}>
            Open settings to turn it on
          </button>
        </div>
      );
    case 'off-here':
      return (
        <div class="empty-state">
          <p>
            Dramalens is off on <strong>{access.hostname}</strong>, so names on this page aren’t highlighted or listed.
          </p>
          <button type="button" class="button button-primary" onClick={onTurnOnHere}>
            Turn on here
          </button>
        </div>
      );
    case 'on':
      break;
  }
  if (error) {
    return (
      <p class="empty-state" role="alert">
        Couldn’t ask Dramalens’s background what this page mentions ({error.message}). Close and reopen the popup to try
        again.
      </p>
    );
  }
  if (entities.length === 0) {
    return (
      <p class="empty-state">
        {reported
          ? 'No drama or actor Dramalens knows is named on this page.'
          : 'This page hasn’t been read yet. If it was open before Dramalens was installed or updated, reload it.'}
      </p>
    );
  }
  return (
    <ul class="chips" aria-label="Names on this page, most mentioned first">
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
              <span class="visually-hidden">{entity.count === 1 ? ' mention' : ' mentions'}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
