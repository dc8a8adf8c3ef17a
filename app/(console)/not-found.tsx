import { PageMessage } from '@/components/layout/page-message';

// notFound() from a console page (an unknown kind, an object path that is not one): inside the console shell.
export default function ConsoleNotFound() {
  return (
    <PageMessage title="Not found">
      <p>This kind or object does not exist in the console. Pick a resource from the sidebar.</p>
    </PageMessage>
  );
}
