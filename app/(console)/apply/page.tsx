import { ApplyWorkbench } from '@/components/apply/apply-workbench';

export const metadata = { title: 'Apply YAML' };

// Apply YAML: preview (server-side dry-run), apply (server-side apply) and delete of any kinds the cluster serves.
export default function ApplyPage() {
  return <ApplyWorkbench />;
}
