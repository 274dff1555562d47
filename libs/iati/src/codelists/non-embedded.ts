import { CURRENCY_CODES, SECTOR_CODES } from '@tadamon/reference-data';

/**
 * The non-embedded codelists this library writes. They change over time and are not vendored;
 * each table holds the codes the programme uses, each code checked against the named source
 * (IATI-Codelists-NonEmbedded, xml/<Name>.xml, as published for 2.03). A code outside a table is
 * reported by the codelist check even when IATI knows it: add it here, from the source, first.
 */

/** OrganisationType: the complete list (it has not changed since 2.01). */
export const ORGANISATION_TYPES = [
  '10',
  '11',
  '15',
  '21',
  '22',
  '23',
  '24',
  '30',
  '40',
  '60',
  '70',
  '71',
  '72',
  '73',
  '80',
  '90',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Currency (ISO 4217): the programme's currencies, from @tadamon/reference-data. */
export const CURRENCIES: readonly string[] = CURRENCY_CODES;
export type Currency = (typeof CURRENCY_CODES)[number];

/** Sector, vocabulary 1 (OECD DAC CRS purpose codes, five digits): the programme's, from @tadamon/reference-data. */
export const DAC5_SECTORS: readonly string[] = SECTOR_CODES;

/** SectorVocabulary: 1 is OECD DAC CRS purpose codes (5 digit), the only one written. */
export const SECTOR_VOCABULARIES = ['1'] as const;

/** Language (ISO 639-1): the narratives' languages and the documents' usual ones. */
export const LANGUAGES = ['ar', 'fr', 'en', 'es', 'de', 'it', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Country (ISO 3166-1 alpha-2): the recipient country, Morocco. */
export const COUNTRIES = ['MA'] as const;

/** GeographicVocabulary: A1 GAUL, A2 UN SALB, A3 GADM, A4 ISO country, G1 Geonames, G2 OpenStreetMap. */
export const GEOGRAPHIC_VOCABULARIES = ['A1', 'A2', 'A3', 'A4', 'G1', 'G2'] as const;
export type GeographicVocabulary = (typeof GEOGRAPHIC_VOCABULARIES)[number];

/** IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative. */
export const INDICATOR_MEASURES = ['1', '2', '3', '4', '5'] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

/** ResultType: 1 output, 2 outcome, 3 impact, 9 other. */
export const RESULT_TYPES = ['1', '2', '3', '9'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** DescriptionType: 1 general, 2 objectives, 3 target groups, 4 other. */
export const DESCRIPTION_TYPES = ['1', '2', '3', '4'] as const;

/** FileFormat (IANA media types): the documents a project attaches. */
export const FILE_FORMATS = [
  'application/pdf',
  'text/html',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Version: the only one written. */
export const VERSIONS = ['2.03'] as const;

export const NON_EMBEDDED_CODELISTS: Readonly<Record<string, readonly string[]>> = {
  OrganisationType: ORGANISATION_TYPES,
  Currency: CURRENCIES,
  Sector: DAC5_SECTORS,
  SectorVocabulary: SECTOR_VOCABULARIES,
  Language: LANGUAGES,
  Country: COUNTRIES,
  GeographicVocabulary: GEOGRAPHIC_VOCABULARIES,
  IndicatorMeasure: INDICATOR_MEASURES,
  ResultType: RESULT_TYPES,
  DescriptionType: DESCRIPTION_TYPES,
  FileFormat: FILE_FORMATS,
  Version: VERSIONS,
};
