// What the page knows of the entities it found: the facts the matcher sent with their names
// (id, kind, a person's dramas), so painting, the report and the card need no dictionary.
import type { EntityFact } from '../../match/page-matching';

export class PageEntities {
  private readonly facts = new Map<number, EntityFact>();

  learn(facts: readonly EntityFact[]): void {
    for (const fact of facts) this.facts.set(fact.entity, fact);
  }

  /** The facts of an entity the page has found (every occurrence's entity has them). */
  of(entity: number): EntityFact {
    const fact = this.facts.get(entity);
    if (!fact) throw new Error(`no facts for entity ${entity}`);
    return fact;
  }

  id(entity: number): string {
    return this.of(entity).id;
  }

  kind(entity: number): number {
    return this.of(entity).kind;
  }
}
