import { FieldShapes, ListSearch, readSearch, writeSearch } from '../shared/search-params';

export const TRAINING_LANGUAGES = ['ar', 'fr', 'en'] as const;

export interface TrainingFilters {
  module?: string;
  country?: string;
  language?: string;
}
export type TrainingSearch = TrainingFilters & ListSearch;

const SHAPES: FieldShapes<TrainingFilters> = {
  module: /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/,
  country: /^[A-Z]{2}$/,
  language: /^(ar|fr|en)$/,
};

/** The catalogue's filters and page, from the address (anything malformed left out). */
export const readTrainingSearch = (params: URLSearchParams): TrainingSearch =>
  readSearch<TrainingSearch>(params, SHAPES);

export const writeTrainingSearch = (search: TrainingSearch): URLSearchParams => writeSearch(search);
