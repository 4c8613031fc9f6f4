-- An organisation's invoice imports, newest first, a page at a time.
create index invoice_import_of_organisation on invoice_import (organisation, requested_at desc, id desc);
-- Its export jobs, likewise.
create index export_job_of_organisation on export_job (organisation, requested_at desc, id desc);
