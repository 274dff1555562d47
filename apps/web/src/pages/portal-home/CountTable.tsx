import { Table, Title } from '@mantine/core';
import { useFormatters } from '../../format/use-formatters';
import { largestCounts } from './programme-figures';

export interface CountTableProps {
  /** Unique on the page: the section is labelled by its title. */
  id: string;
  title: string;
  nameHeader: string;
  countHeader: string;
  counts: Record<string, number>;
  nameOf: (code: string) => string;
  limit: number;
}

/** Associations per code (country, sector), the largest counts first. */
export function CountTable({ id, title, nameHeader, countHeader, counts, nameOf, limit }: CountTableProps) {
  const format = useFormatters();
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} size="h3" mb="sm">
        {title}
      </Title>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{nameHeader}</Table.Th>
            <Table.Th>{countHeader}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {largestCounts(counts, limit).map(({ code, count }) => (
            <Table.Tr key={code}>
              <Table.Td>{nameOf(code)}</Table.Td>
              <Table.Td>{format.count(count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
