import { ReferenceMultiSelect } from '../../forms/ReferenceSelects';

/** OECD DAC purpose codes chosen by their names in the reader's language (reference data). */
export function SectorChoice(props: {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  return (
    <ReferenceMultiSelect
      kind="sectors"
      label={props.label}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}
