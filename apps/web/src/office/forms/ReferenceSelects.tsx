import { MultiSelect, Select } from '@mantine/core';
import { Option, useReferenceNames } from '../../api/reference-data';

type Kind = 'sectors' | 'regions' | 'provinces' | 'hostCountries';

interface Common {
  kind: Kind;
  label: string;
  error?: string;
  required?: boolean;
  description?: string;
}

const optionsOf = (names: ReturnType<typeof useReferenceNames>, kind: Kind): Option[] => names[kind];

/** One code from the reference data (a sector, a region, a province, a host country), by its name. */
export function ReferenceSelect(
  props: Common & { value: string | null; onChange(value: string | null): void },
) {
  const names = useReferenceNames();
  return (
    <Select
      label={props.label}
      description={props.description}
      data={optionsOf(names, props.kind)}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required={props.required}
      searchable
      clearable={!props.required}
      nothingFoundMessage="—"
    />
  );
}

/** Several codes from the reference data, by their names. */
export function ReferenceMultiSelect(props: Common & { value: string[]; onChange(value: string[]): void }) {
  const names = useReferenceNames();
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      data={optionsOf(names, props.kind)}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      required={props.required}
      searchable
      clearable
      nothingFoundMessage="—"
    />
  );
}
