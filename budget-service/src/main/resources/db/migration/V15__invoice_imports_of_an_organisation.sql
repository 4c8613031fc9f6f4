-- An organisation's invoice imports, newest first, a page at a time.
create index invoice_import_of_organisation on invoice_import (organisation, requested_at desc, id desc);
