import { useState } from 'react';
import { CommandOptions, useCommand } from '../../../api/use-command';
import { INVALIDATED_BY_COMMANDS } from '../queries';

/**
 * A command of the Registry area: refetches the area's reads once done, and says so (`done` until
 * the next submission).
 */
export function useRegistryCommand<V, R>(options: CommandOptions<V, R>) {
  const [done, setDone] = useState(false);
  const command = useCommand<V, R>({
    invalidates: INVALIDATED_BY_COMMANDS,
    ...options,
    onSuccess: (result, variables) => {
      setDone(true);
      options.onSuccess?.(result, variables);
    },
  });
  const submit = (variables: V) => {
    setDone(false);
    return command.submit(variables);
  };
  return { ...command, submit, done };
}
