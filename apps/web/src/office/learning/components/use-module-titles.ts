import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { localizedField, textField } from '../../../api/record-fields';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { modulesQuery } from '../queries';

/** A module's title in the reader's language (its id while the catalogue loads or lacks it). */
export function useModuleTitles(): (moduleId: string) => string {
  const { language } = usePreferences();
  const modules = useQuery(modulesQuery);
  return useCallback(
    (moduleId: string) => {
      const module = modules.data?.find((m) => textField(m, 'moduleId') === moduleId);
      return (module && localizedField(module, 'title', language)) ?? moduleId;
    },
    [modules.data, language],
  );
}
