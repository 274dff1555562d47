import { Checkbox, SimpleGrid } from '@mantine/core';
import { SECTOR_CODES } from '../sector-codes';

/** OECD DAC purpose codes to tick (the platform names the codes it accepts). */
export function SectorCheckboxes(props: {
  label: string;
  value: string[];
  onChange(value: string[]): void;
  error?: string;
}) {
  return (
    <Checkbox.Group label={props.label} value={props.value} onChange={props.onChange} error={props.error}>
      <SimpleGrid cols={{ base: 3, sm: 6 }} spacing="xs" mt="xs">
        {SECTOR_CODES.map((code) => (
          <Checkbox key={code} value={code} label={code} />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
