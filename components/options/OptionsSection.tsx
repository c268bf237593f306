import type { ComponentChildren } from 'preact';

export interface OptionsSectionProps {
  id: string;
  title: string;
  description?: ComponentChildren;
  children: ComponentChildren;
}

/** One card of the options page, labelled by its heading. */
export function OptionsSection({ id, title, description, children }: OptionsSectionProps) {
  return (
    <section class="options-section" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {description && <p class="section-description">{description}</p>}
      {children}
    </section>
  );
}
