<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ms_MY">
<context>
    <name></name>
    <message>
        <source>Sandaran sihat terbaru: %1 (%2, %3).</source>
        <translation>Newest sound backup: %1 (%2, %3).</translation>
    </message>
    <message>
        <source>Pulihkan pangkalan data daripada sandaran ini? Fail yang rosak disimpan dahulu dalam folder sandaran.</source>
        <translation>Restore the database from this backup? The damaged file is kept first in the backup folder.</translation>
    </message>
    <message>
        <source>Pangkalan data rosak</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <source>Tiada sandaran yang sihat ditemui.</source>
        <translation>No sound backup was found.</translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <source>Daftar premis, jawatan dan pegawai Tabika dan Taska PERMATA Perpaduan, serta pengisian tugas jawatan kosong (PSH, pegawai gantian dan penanggungan kerja) mengikut Surat Pekeliling SPSM Bil.2/2016.</source>
        <translation>Registers of Tabika and Taska PERMATA Perpaduan premises, posts and officers, and the filling of vacant duties (daily-paid workers, replacement officers and acting duty) under circular SPSM Bil.2/2016.</translation>
    </message>
    <message>
        <source>Pangkalan data:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Perihal IsiTugas</source>
        <translation>About IsiTugas</translation>
    </message>
</context>
<context>
    <name>ActingDialog</name>
    <message>
        <source>Sambung penanggungan kerja</source>
        <translation>Renew acting duty</translation>
    </message>
    <message>
        <source>Penanggungan kerja</source>
        <translation>Acting duty</translation>
    </message>
    <message>
        <source>Mula menjalankan tugas</source>
        <translation>Starts the duties on</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Sebab pilihan pegawai (6A(g))</source>
        <translation>Why this officer was chosen (6A(g))</translation>
    </message>
    <message>
        <source>Rujukan arahan bertulis (6A(b))</source>
        <translation>Written instruction reference (6A(b))</translation>
    </message>
    <message>
        <source>Tarikh arahan</source>
        <translation>Instruction date</translation>
    </message>
    <message>
        <source>Rujukan kelulusan</source>
        <translation>Approval reference</translation>
    </message>
    <message>
        <source>Tarikh kelulusan</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>Pihak berkuasa melulus</source>
        <translation>Approving authority</translation>
    </message>
    <message>
        <source>(pilih pegawai)</source>
        <translation>(choose an officer)</translation>
    </message>
    <message>
        <source>belum disahkan</source>
        <translation>not confirmed</translation>
    </message>
    <message>
        <source>kurang setahun</source>
        <translation>under a year</translation>
    </message>
    <message>
        <source>Layak dicadangkan. %1</source>
        <translation>May be recommended. %1</translation>
    </message>
    <message>
        <source>Tidak layak: pegawai yang disahkan ada, atau perkhidmatan kurang setahun (6A(g)).</source>
        <translation>Not eligible: a confirmed officer is available, or under a year of service (6A(g)).</translation>
    </message>
</context>
<context>
    <name>ActingPage</name>
    <message>
        <source>Daftar Penanggungan Kerja</source>
        <translation>Acting Duty Register</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Had 6 bulan</source>
        <translation>6-month limit</translation>
    </message>
    <message>
        <source>Elaun sebulan (RM)</source>
        <translation>Allowance a month (RM)</translation>
    </message>
    <message>
        <source>Gangguan</source>
        <translation>Interruptions</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Gangguan...</source>
        <translation>Interruption...</translation>
    </message>
    <message>
        <source>Permohonan baharu...</source>
        <translation>New application...</translation>
    </message>
    <message>
        <source>Cetak arahan</source>
        <translation>Print instruction</translation>
    </message>
</context>
<context>
    <name>AllocationPage</name>
    <message>
        <source>Tambah entri...</source>
        <translation>Add entry...</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amaun (RM)</source>
        <translation>Amount (RM)</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>PSH</source>
        <translation>PSH</translation>
    </message>
    <message>
        <source>Dijangka (RM)</source>
        <translation>Projected (RM)</translation>
    </message>
    <message>
        <source>Dibelanjakan (RM)</source>
        <translation>Spent (RM)</translation>
    </message>
    <message>
        <source>Belum dibelanjakan (RM)</source>
        <translation>Not yet spent (RM)</translation>
    </message>
    <message>
        <source>Melebihi baki: sebab</source>
        <translation>Over the balance: reason</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Peruntukan OS29000</source>
        <translation>OS29000 Allocation</translation>
    </message>
    <message>
        <source>Entri peruntukan</source>
        <translation>Allocation entries</translation>
    </message>
    <message>
        <source>Komitmen PSH</source>
        <translation>PSH commitments</translation>
    </message>
    <message>
        <source>Diperuntukkan RM %1 - komitmen RM %2 - dibelanjakan RM %3 = baki RM %4</source>
        <translation>Allocated RM %1 - committed RM %2 - spent RM %3 = balance RM %4</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Isi jawatan %1</source>
        <translation>Fill post %1</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>(pilih pegawai)</source>
        <translation>(choose an officer)</translation>
    </message>
    <message>
        <source>Mula menyandang</source>
        <translation>Holds the post from</translation>
    </message>
    <message>
        <source>Pindahkan dari jawatan yang disandang sekarang</source>
        <translation>Move from the post held now</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Simpan kehadiran</source>
        <translation>Save attendance</translation>
    </message>
    <message>
        <source>Cuti peristiwa...</source>
        <translation>Office holiday...</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Kehadiran PSH</source>
        <translation>PSH Attendance</translation>
    </message>
    <message>
        <source>Klik hari bekerja untuk menandakan tidak hadir (T); hari berlorek ialah hari rehat, cuti atau di luar tempoh (5A(k)).</source>
        <translation>Click a working day to mark an absence (T); shaded days are rest days, holidays or outside the term (5A(k)).</translation>
    </message>
    <message>
        <source>Bulan ini telah ditutup: kehadiran tidak boleh diubah.</source>
        <translation>This month is closed: attendance cannot change.</translation>
    </message>
    <message>
        <source>%1 PSH</source>
        <translation>%1 PSH</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Cari dalam rekod (ID, sebelum, selepas)...</source>
        <translation>Search the records (ID, before, after)...</translation>
    </message>
    <message>
        <source>Tapis</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Entiti</source>
        <translation>Entity</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Masa</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Medan</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Selepas</source>
        <translation>After</translation>
    </message>
    <message>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>%1 rekod</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Rantaian audit utuh: %1 rekod disemak.</source>
        <translation>Audit chain intact: %1 records checked.</translation>
    </message>
    <message>
        <source>Rantaian audit ROSAK pada rekod #%1: rekod itu atau yang sebelumnya telah diubah di luar aplikasi.</source>
        <translation>Audit chain BROKEN at record #%1: that record or an earlier one was changed outside the app.</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>Masa</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Saiz</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Buat sandaran sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Pulihkan...</source>
        <translation>Restore...</translation>
    </message>
    <message>
        <source>Muat semula</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Sandaran</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Pangkalan data PostgreSQL disandarkan oleh pelayan dengan pg_dump dan dipulihkan dengan pg_restore; lihat docs/ARCHITECTURE.md.</source>
        <translation>A PostgreSQL database is backed up on the server with pg_dump and restored with pg_restore; see docs/ARCHITECTURE.md.</translation>
    </message>
    <message>
        <source>Sandaran automatik dibuat semasa aplikasi dimulakan (sekali sehari), sebelum kemas kini skema dan sebelum tutup bulan, dalam folder %1. Disimpan: 7 harian, 4 mingguan, 12 bulanan.</source>
        <translation>Automatic backups are made when the app starts (once a day), before a schema upgrade and before a month close, in the folder %1. Kept: 7 daily, 4 weekly, 12 monthly.</translation>
    </message>
    <message>
        <source>Sihat</source>
        <translation>Sound</translation>
    </message>
    <message>
        <source>Rosak</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <source>Sandaran ditulis: %1</source>
        <translation>Backup written: %1</translation>
    </message>
    <message>
        <source>Pulihkan sandaran</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Gantikan pangkalan data dengan sandaran %1 (%2)? Pangkalan data semasa disandarkan dahulu. Aplikasi perlu dimulakan semula selepas ini.</source>
        <translation>Replace the database with backup %1 (%2)? The current database is backed up first. The app must be restarted afterwards.</translation>
    </message>
    <message>
        <source>Pangkalan data dipulihkan daripada %1. Sila tutup dan mulakan semula IsiTugas; tetingkap ini akan ditutup.</source>
        <translation>The database was restored from %1. Please close and restart IsiTugas; this window will close.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Surat secara kelompok</source>
        <translation>Letters in a batch</translation>
    </message>
    <message>
        <source>Pilih folder...</source>
        <translation>Choose folder...</translation>
    </message>
    <message>
        <source>Tanda semua</source>
        <translation>Check all</translation>
    </message>
    <message>
        <source>Nyahtanda semua</source>
        <translation>Uncheck all</translation>
    </message>
    <message>
        <source>Jenis surat</source>
        <translation>Letter kind</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Simpan ke folder</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <source>Jana surat</source>
        <translation>Generate letters</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 daripada %2 dipilih</source>
        <translation>%1 of %2 chosen</translation>
    </message>
    <message>
        <source>Simpan surat ke folder</source>
        <translation>Save the letters to a folder</translation>
    </message>
    <message>
        <source>Folder %1 tidak wujud atau tidak boleh ditulis.</source>
        <translation>Folder %1 does not exist or cannot be written.</translation>
    </message>
    <message>
        <source>Menjana %1 surat...</source>
        <translation>Generating %1 letters...</translation>
    </message>
    <message>
        <source>%1 surat ditulis ke %2.</source>
        <translation>%1 letters written to %2.</translation>
    </message>
    <message>
        <source>Dibatalkan: %1 surat telah ditulis ke %2 sebelum dibatalkan.</source>
        <translation>Cancelled: %1 letters had been written to %2 before the cancel.</translation>
    </message>
</context>
<context>
    <name>CandidateDialog</name>
    <message>
        <source>Tambah calon</source>
        <translation>Add candidate</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kedudukan temu duga</source>
        <translation>Interview rank</translation>
    </message>
    <message>
        <source>1, 2, 3 ... (calon berjaya dan simpanan)</source>
        <translation>1, 2, 3 ... (successful and reserve candidates)</translation>
    </message>
    <message>
        <source>Kelayakan tertinggi</source>
        <translation>Highest qualification</translation>
    </message>
    <message>
        <source>Warganegara Malaysia</source>
        <translation>Malaysian citizen</translation>
    </message>
    <message>
        <source>Penjawat awam</source>
        <translation>Public officer</translation>
    </message>
    <message>
        <source>Diperakui sihat oleh Ketua Jabatan</source>
        <translation>Certified healthy by the head of department</translation>
    </message>
</context>
<context>
    <name>CandidatesDialog</name>
    <message>
        <source>Calon bagi %1</source>
        <translation>Candidates for %1</translation>
    </message>
    <message>
        <source>Giliran</source>
        <translation>Turn</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kedudukan</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Kelayakan</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Keutamaan</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Syarat 5A tidak dipenuhi</source>
        <translation>5A conditions not met</translation>
    </message>
    <message>
        <source>Tambah calon...</source>
        <translation>Add candidate...</translation>
    </message>
    <message>
        <source>Menolak tawaran</source>
        <translation>Declined the offer</translation>
    </message>
    <message>
        <source>Lantik</source>
        <translation>Appoint</translation>
    </message>
    <message>
        <source>Calon disenaraikan mengikut giliran tawaran pekeliling; yang pertama ditawarkan dahulu.</source>
        <translation>Candidates are listed in the circular&apos;s order of offer; the first is offered the post first.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Tukar kata laluan</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Kata laluan semasa</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Kata laluan baharu</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Sahkan kata laluan</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>ClaimsPage</name>
    <message>
        <source>Tuntutan Tugas Rasmi PSH</source>
        <translation>PSH Official-Duty Claims</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Km</source>
        <translation>Km</translation>
    </message>
    <message>
        <source>Malam</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>Amaun (RM)</source>
        <translation>Amount (RM)</translation>
    </message>
    <message>
        <source>Padam (tersilap)...</source>
        <translation>Delete (entered by mistake)...</translation>
    </message>
    <message>
        <source>Padam tuntutan</source>
        <translation>Delete claim</translation>
    </message>
    <message>
        <source>Padam tuntutan yang tersilap masuk ini?</source>
        <translation>Delete this claim entered by mistake?</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Tutup kekosongan %1</source>
        <translation>Close vacancy %1</translation>
    </message>
    <message>
        <source>Tarikh ditutup</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Sebab ditutup</source>
        <translation>Why closed</translation>
    </message>
    <message>
        <source>cth. penyandang kembali bertugas</source>
        <translation>e.g. the incumbent is back at work</translation>
    </message>
    <message>
        <source>Pengisian yang perlu ditamatkan</source>
        <translation>Fillings to end</translation>
    </message>
    <message>
        <source>Kekosongan telah ditutup. Pengisian berikut hendaklah ditamatkan (perenggan 5A(s)):</source>
        <translation>The vacancy is closed. These fillings must end (para 5A(s)):</translation>
    </message>
    <message>
        <source>Tamatkan semuanya sekarang, dengan hari terakhir %1?</source>
        <translation>End them all now, with %1 as the last day?</translation>
    </message>
    <message>
        <source>Kekosongan ditutup (5A(s)): %1</source>
        <translation>Vacancy closed (5A(s)): %1</translation>
    </message>
</context>
<context>
    <name>ConsolidatePage</name>
    <message>
        <source>Tambah fail...</source>
        <translation>Add files...</translation>
    </message>
    <message>
        <source>Buang</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Satukan...</source>
        <translation>Combine...</translation>
    </message>
    <message>
        <source>Gabungan Penyata Kebangsaan (HQ)</source>
        <translation>National Consolidation (HQ)</translation>
    </message>
    <message>
        <source>Penyata bulanan setiap negeri:</source>
        <translation>Each state&apos;s monthly return:</translation>
    </message>
    <message>
        <source>Pilih penyata</source>
        <translation>Choose returns</translation>
    </message>
    <message>
        <source>Simpan gabungan</source>
        <translation>Save the consolidation</translation>
    </message>
    <message>
        <source>Menyemak dan menyatukan penyata...</source>
        <translation>Checking and combining the returns...</translation>
    </message>
    <message>
        <source>Dibatalkan; tiada fail ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Lantikan kontrak tiba: %1 %2</source>
        <translation>Contract appointment arrived: %1 %2</translation>
    </message>
    <message>
        <source>Pegawai kontrak</source>
        <translation>Contract officer</translation>
    </message>
    <message>
        <source>(pilih pegawai)</source>
        <translation>(choose an officer)</translation>
    </message>
    <message>
        <source>Mula menyandang</source>
        <translation>Holds the post from</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Kekosongan belum ditutup</source>
        <translation>Vacancies not closed</translation>
    </message>
    <message>
        <source>Di Tabika</source>
        <translation>At Tabika</translation>
    </message>
    <message>
        <source>Di Taska</source>
        <translation>At Taska</translation>
    </message>
    <message>
        <source>Mengikut langkah (hari menunggu paling lama)</source>
        <translation>By step (longest wait)</translation>
    </message>
    <message>
        <source>Mengikut daerah</source>
        <translation>By district</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Langkah semasa</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Hari menunggu</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <source>Perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Paling lama menunggu</source>
        <translation>Waiting longest</translation>
    </message>
    <message>
        <source>Papan Pemuka</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>%1 diisi sementara</source>
        <translation>%1 filled for now</translation>
    </message>
    <message>
        <source>paling lama %1 hari</source>
        <translation>longest %1 days</translation>
    </message>
    <message>
        <source>paling lama %1 hari, purata %2 hari</source>
        <translation>longest %1 days, mean %2 days</translation>
    </message>
    <message>
        <source>Tiada perkara yang perlu diberi perhatian.</source>
        <translation>Nothing needs attention.</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <source>Calon dilangkau: %1</source>
        <translation>Candidate passed over: %1</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Sebab (cth. menolak tawaran)</source>
        <translation>Reason (e.g. declined the offer)</translation>
    </message>
</context>
<context>
    <name>EndDialog</name>
    <message>
        <source>Hari terakhir</source>
        <translation>Last day</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tamatkan</source>
        <translation>End</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Peruntukan asal</source>
        <translation>Initial allocation</translation>
    </message>
    <message>
        <source>Tambahan</source>
        <translation>Top-up</translation>
    </message>
    <message>
        <source>Pengurangan</source>
        <translation>Reduction</translation>
    </message>
    <message>
        <source>Entri peruntukan OS29000 %1</source>
        <translation>OS29000 allocation entry %1</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Amaun (RM)</source>
        <translation>Amount (RM)</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Rujukan waran</source>
        <translation>Warrant reference</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ExerciseDialog</name>
    <message>
        <source>Ubah temu duga</source>
        <translation>Edit interview</translation>
    </message>
    <message>
        <source>Tambah temu duga</source>
        <translation>Add interview</translation>
    </message>
    <message>
        <source>Tajuk</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Tarikh temu duga</source>
        <translation>Interview date</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>(semua gred)</source>
        <translation>(any grade)</translation>
    </message>
</context>
<context>
    <name>ExercisesPage</name>
    <message>
        <source>Temu Duga dan Calon</source>
        <translation>Interviews and Candidates</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Tajuk</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Calon</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>Calon...</source>
        <translation>Candidates...</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Lanjutkan PSH %1</source>
        <translation>Extend PSH %1</translation>
    </message>
    <message>
        <source>Tempoh kini hingga %1; had 6 bulan %2.</source>
        <translation>Term now until %1; 6-month limit %2.</translation>
    </message>
    <message>
        <source>Hari terakhir baharu</source>
        <translation>New last day</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Diluluskan oleh (Ketua Jabatan)</source>
        <translation>Approved by (head of department)</translation>
    </message>
    <message>
        <source>Sebab diteruskan melebihi baki (pegawai pelulus)</source>
        <translation>Why it goes ahead over the balance (approving officer)</translation>
    </message>
</context>
<context>
    <name>FillingDialog</name>
    <message>
        <source>Isi kekosongan %1</source>
        <translation>Fill vacancy %1</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kelayakan yang diperlukan tugas (5A(h))</source>
        <translation>Qualification the job calls for (5A(h))</translation>
    </message>
    <message>
        <source>Kaedah</source>
        <translation>Method</translation>
    </message>
    <message>
        <source> (paling murah)</source>
        <translation> (cheapest)</translation>
    </message>
    <message>
        <source>Dibenarkan</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Kos (RM)</source>
        <translation>Cost (RM)</translation>
    </message>
    <message>
        <source>Pecahan</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <source>Syarat / sebab</source>
        <translation>Conditions / reason</translation>
    </message>
    <message>
        <source>Baki OS29000</source>
        <translation>OS29000 balance</translation>
    </message>
    <message>
        <source>Kaedah dipilih</source>
        <translation>Method chosen</translation>
    </message>
    <message>
        <source>Justifikasi</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>cth. kos paling rendah; calon simpanan masih ada</source>
        <translation>e.g. lowest cost; reserve candidates remain</translation>
    </message>
    <message>
        <source>Simpan pilihan</source>
        <translation>Save the choice</translation>
    </message>
    <message>
        <source>RM %1 bagi tahun %2 (PSH dibayar daripada OS29000, 5A(c))</source>
        <translation>RM %1 for %2 (PSH are paid from OS29000, 5A(c))</translation>
    </message>
</context>
<context>
    <name>FillingRegisterPage</name>
    <message>
        <source>Papar yang telah tamat</source>
        <translation>Show ended</translation>
    </message>
    <message>
        <source>Tamatkan %1</source>
        <translation>End %1</translation>
    </message>
    <message>
        <source>Tamatkan...</source>
        <translation>End...</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>Pentadbir pertama</source>
        <translation>First administrator</translation>
    </message>
    <message>
        <source>Pangkalan data ini belum ada pengguna. Daftarkan pentadbir pertama; pentadbir kemudian menambah kerani, pegawai pelulus dan pengguna baca sahaja.</source>
        <translation>This database has no users yet. Register the first administrator; the administrator then adds clerks, approving officers and read-only users.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama penuh</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Kata laluan</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sahkan kata laluan</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>Daftar dan log masuk</source>
        <translation>Register and sign in</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GantianDialog</name>
    <message>
        <source>Pegawai gantian: %1</source>
        <translation>Replacement officer: %1</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Rujukan kelulusan</source>
        <translation>Approval reference</translation>
    </message>
    <message>
        <source>Tarikh kelulusan</source>
        <translation>Approval date</translation>
    </message>
</context>
<context>
    <name>GantianPage</name>
    <message>
        <source>Daftar Pegawai Gantian</source>
        <translation>Replacement Officers Register</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Saguhati (RM)</source>
        <translation>Honorarium (RM)</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <source>Ubah gred</source>
        <translation>Edit grade</translation>
    </message>
    <message>
        <source>Tambah gred</source>
        <translation>Add grade</translation>
    </message>
    <message>
        <source>Kod gred</source>
        <translation>Grade code</translation>
    </message>
    <message>
        <source>Nama gred</source>
        <translation>Grade title</translation>
    </message>
    <message>
        <source>Pembantu Pendidik</source>
        <translation>Assistant Educator</translation>
    </message>
</context>
<context>
    <name>GradesPage</name>
    <message>
        <source>Daftar Gred</source>
        <translation>Grades Register</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama gred</source>
        <translation>Grade title</translation>
    </message>
    <message>
        <source>Gaji permulaan (RM)</source>
        <translation>Starting salary (RM)</translation>
    </message>
    <message>
        <source>Berkuat kuasa</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Gaji permulaan...</source>
        <translation>Starting salary...</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Panduan pengguna IsiTugas</source>
        <translation>IsiTugas user guide</translation>
    </message>
    <message>
        <source>Kandungan</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Ke hadapan &gt;</source>
        <translation>Forward &gt;</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Sejarah: %1</source>
        <translation>History: %1</translation>
    </message>
    <message>
        <source>Masa</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>HoldersDialog</name>
    <message>
        <source>Penyandang jawatan %1</source>
        <translation>Holders of post %1</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Fail Excel daftar (.xlsx)</source>
        <translation>Register workbook (.xlsx)</translation>
    </message>
    <message>
        <source>Pilih fail...</source>
        <translation>Choose file...</translation>
    </message>
    <message>
        <source>Simpan templat...</source>
        <translation>Save template...</translation>
    </message>
    <message>
        <source>Semak</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import Daftar dari Excel</source>
        <translation>Import Registers from Excel</translation>
    </message>
    <message>
        <source>Isi templat, semak, kemudian import. Jika ada satu masalah, tiada apa-apa disimpan.</source>
        <translation>Fill the template, check it, then import. If there is a single problem, nothing is saved.</translation>
    </message>
    <message>
        <source>Pilih fail</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Simpan templat</source>
        <translation>Save the template</translation>
    </message>
    <message>
        <source>Templat disimpan: %1</source>
        <translation>Template saved: %1</translation>
    </message>
    <message>
        <source>Fail tidak dapat diimport.</source>
        <translation>The file cannot be imported.</translation>
    </message>
    <message>
        <source>Mengimport daftar...</source>
        <translation>Importing the registers...</translation>
    </message>
    <message>
        <source>Selesai: %1</source>
        <translation>Done: %1</translation>
    </message>
</context>
<context>
    <name>InterruptionDialog</name>
    <message>
        <source>Gangguan tugas: %1</source>
        <translation>Interruption of duties: %1</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Penanggungan kerja tamat sehari sebelum gangguan; penyambungan ialah penanggungan baharu dengan perakuan baharu (6A(f)).</source>
        <translation>The acting duty ended the day before the interruption; resuming is a new assignment with a new recommendation (6A(f)).</translation>
    </message>
    <message>
        <source>Penanggungan kerja tamat</source>
        <translation>Acting duty ended</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Bawah SPM</source>
        <translation>Below SPM</translation>
    </message>
    <message>
        <source>Diploma</source>
        <translation>Diploma</translation>
    </message>
    <message>
        <source>Ijazah</source>
        <translation>Degree</translation>
    </message>
    <message>
        <source>Lelaki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>LetterPreviewDialog</name>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Cetak %1</source>
        <translation>Print %1</translation>
    </message>
    <message>
        <source>Pencetak tidak dapat dibuka; surat tidak dicetak.</source>
        <translation>The printer could not be opened; the letter was not printed.</translation>
    </message>
    <message>
        <source>Fail tidak dapat ditulis: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <source>Surat Dikeluarkan</source>
        <translation>Issued Letters</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>No. rujukan</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Salinan dicetak</source>
        <translation>Copies printed</translation>
    </message>
    <message>
        <source>Perkara</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Semua tahun</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Lihat</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Cetak salinan</source>
        <translation>Print a copy</translation>
    </message>
    <message>
        <source>Kelompok...</source>
        <translation>Batch...</translation>
    </message>
    <message>
        <source>%1 (SALINAN)</source>
        <translation>%1 (COPY)</translation>
    </message>
    <message>
        <source>Semak kod QR surat</source>
        <translation>Check a letter&apos;s QR code</translation>
    </message>
    <message>
        <source>Tampal teks kod QR, cth. ISITUGAS:1:...</source>
        <translation>Paste the QR code&apos;s text, e.g. ISITUGAS:1:...</translation>
    </message>
    <message>
        <source>Semak</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>LoadingPanel</name>
    <message>
        <source>Membuka pangkalan data...</source>
        <translation>Opening the database...</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log masuk IsiTugas</source>
        <translation>Sign in to IsiTugas</translation>
    </message>
    <message>
        <source>Pangkalan data: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata laluan</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log masuk</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Fail</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Tukar kata laluan...</source>
        <translation>&amp;Change password...</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Bantuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Panduan &amp;pengguna</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>&amp;Perihal IsiTugas</source>
        <translation>&amp;About IsiTugas</translation>
    </message>
    <message>
        <source>(pejabat belum ditetapkan)</source>
        <translation>(office not set up yet)</translation>
    </message>
    <message>
        <source>Pejabat: %1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>Pengguna: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <source>Pangkalan data: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>MonthPage</name>
    <message>
        <source>Tutup bulan</source>
        <translation>Close the month</translation>
    </message>
    <message>
        <source>Buka semula...</source>
        <translation>Reopen...</translation>
    </message>
    <message>
        <source>Eksport penyata...</source>
        <translation>Export return...</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Hari bekerja</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Tidak hadir</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Upah kasar (RM)</source>
        <translation>Gross wage (RM)</translation>
    </message>
    <message>
        <source>KWSP pekerja</source>
        <translation>EPF employee</translation>
    </message>
    <message>
        <source>KWSP majikan</source>
        <translation>EPF employer</translation>
    </message>
    <message>
        <source>PERKESO pekerja</source>
        <translation>SOCSO employee</translation>
    </message>
    <message>
        <source>PERKESO majikan</source>
        <translation>SOCSO employer</translation>
    </message>
    <message>
        <source>Upah bersih (RM)</source>
        <translation>Net wage (RM)</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Tutup Bulan dan Penyata</source>
        <translation>Month Close and Return</translation>
    </message>
    <message>
        <source>Masalah yang menghalang penutupan</source>
        <translation>Problems that block closing</translation>
    </message>
    <message>
        <source>Ditutup (versi %1)</source>
        <translation>Closed (version %1)</translation>
    </message>
    <message>
        <source>Belum ditutup</source>
        <translation>Not closed</translation>
    </message>
    <message>
        <source>%1 - %2 PSH, upah kasar RM %3, %4 tanggung kerja, %5 gantian, %6 tuntutan</source>
        <translation>%1 - %2 PSH, gross wages RM %3, %4 acting, %5 replacement, %6 claims</translation>
    </message>
    <message>
        <source>Tiada masalah.</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <source>Buka semula bulan</source>
        <translation>Reopen the month</translation>
    </message>
    <message>
        <source>Sebab (pegawai pelulus):</source>
        <translation>Reason (approving officer):</translation>
    </message>
    <message>
        <source>Simpan penyata</source>
        <translation>Save the return</translation>
    </message>
    <message>
        <source>Menulis penyata...</source>
        <translation>Writing the return...</translation>
    </message>
    <message>
        <source>Penyata</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Penyata ditulis: %1</source>
        <translation>Return written: %1</translation>
    </message>
</context>
<context>
    <name>OfficeHolidayDialog</name>
    <message>
        <source>Cuti peristiwa</source>
        <translation>Office holiday</translation>
    </message>
    <message>
        <source>(tiada)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Cuti peristiwa %1:</source>
        <translation>Office holidays %1:</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama cuti</source>
        <translation>Holiday name</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>Nama pejabat</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>Kod pejabat</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>(pilih negeri)</source>
        <translation>(choose a state)</translation>
    </message>
    <message>
        <source>Negeri</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-mel</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Slogan (satu sebaris)</source>
        <translation>Slogans (one per line)</translation>
    </message>
    <message>
        <source>Nama pegawai yang menandatangani</source>
        <translation>Signing officer&apos;s name</translation>
    </message>
    <message>
        <source>Jawatan pegawai tersebut</source>
        <translation>That officer&apos;s title</translation>
    </message>
    <message>
        <source>Awalan rujukan surat</source>
        <translation>Letter reference prefix</translation>
    </message>
    <message>
        <source>Alamat Ibu Pejabat (surat kepada Ketua Pengarah)</source>
        <translation>Head office address (letters to the Director General)</translation>
    </message>
    <message>
        <source>Jenis surat</source>
        <translation>Letter kind</translation>
    </message>
    <message>
        <source>Awalan rujukan</source>
        <translation>Reference prefix</translation>
    </message>
    <message>
        <source>Awalan mengikut jenis</source>
        <translation>Prefix by kind</translation>
    </message>
    <message>
        <source>Pilih logo...</source>
        <translation>Choose logo...</translation>
    </message>
    <message>
        <source>Logo kepala surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Tetapan Pejabat</source>
        <translation>Office Settings</translation>
    </message>
    <message>
        <source>Butiran ini dicetak pada kepala setiap surat; nombor rujukan berjalan mengikut jenis dan tahun.</source>
        <translation>These details are printed at the head of every letter; reference numbers run by kind and year.</translation>
    </message>
    <message>
        <source>Tetapan disimpan.</source>
        <translation>Settings saved.</translation>
    </message>
    <message>
        <source>Telefon dan e-mel</source>
        <translation>Telephone and e-mail</translation>
    </message>
    <message>
        <source>Kepala surat tidak muat: %1 akan dicetak terpotong (…) pada surat. Pendekkan dahulu, atau simpan juga?</source>
        <translation>The letterhead does not fit: %1 will be printed cut short (…) on letters. Shorten it first, or save anyway?</translation>
    </message>
    <message>
        <source>Kepala surat terlalu panjang</source>
        <translation>Letterhead too long</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose a logo</translation>
    </message>
    <message>
        <source>Imej (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Fail tidak dapat dibaca: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>(tiada logo)</source>
        <translation>(no logo)</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Tindakan ditolak</source>
        <translation>Action refused</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Papan Pemuka</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Kekosongan</source>
        <translation>Vacancies</translation>
    </message>
    <message>
        <source>Temu Duga</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <source>PSH</source>
        <translation>PSH</translation>
    </message>
    <message>
        <source>Tanggung Kerja</source>
        <translation>Acting Duty</translation>
    </message>
    <message>
        <source>Pegawai Gantian</source>
        <translation>Replacement Officers</translation>
    </message>
    <message>
        <source>Peruntukan OS29000</source>
        <translation>OS29000 Allocation</translation>
    </message>
    <message>
        <source>Kehadiran</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Tuntutan</source>
        <translation>Claims</translation>
    </message>
    <message>
        <source>Tutup Bulan</source>
        <translation>Month Close</translation>
    </message>
    <message>
        <source>Surat dikeluarkan</source>
        <translation>Issued Letters</translation>
    </message>
    <message>
        <source>Gabungan HQ</source>
        <translation>HQ Consolidation</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Jawatan</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grades</translation>
    </message>
    <message>
        <source>Import Excel</source>
        <translation>Excel Import</translation>
    </message>
    <message>
        <source>Tetapan pejabat</source>
        <translation>Office Settings</translation>
    </message>
    <message>
        <source>Sandaran</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Kadar</source>
        <translation>Rates</translation>
    </message>
    <message>
        <source>Log Audit</source>
        <translation>Audit Log</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
</context>
<context>
    <name>PostDialog</name>
    <message>
        <source>Ubah jawatan</source>
        <translation>Edit post</translation>
    </message>
    <message>
        <source>Tambah jawatan</source>
        <translation>Add post</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>(pilih premis)</source>
        <translation>(choose premises)</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>(pilih gred)</source>
        <translation>(choose a grade)</translation>
    </message>
</context>
<context>
    <name>PostsPage</name>
    <message>
        <source>Daftar Jawatan</source>
        <translation>Posts Register</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Nama premis</source>
        <translation>Premises name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Penyandang</source>
        <translation>Incumbent</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <translation>(vacant)</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Jawatan kosong sahaja</source>
        <translation>Vacant posts only</translation>
    </message>
    <message>
        <source>Isi jawatan...</source>
        <translation>Fill post...</translation>
    </message>
    <message>
        <source>Kosongkan...</source>
        <translation>Vacate...</translation>
    </message>
    <message>
        <source>Penyandang...</source>
        <translation>Holders...</translation>
    </message>
</context>
<context>
    <name>PremisesDialog</name>
    <message>
        <source>Ubah premis</source>
        <translation>Edit premises</translation>
    </message>
    <message>
        <source>Tambah premis</source>
        <translation>Add premises</translation>
    </message>
    <message>
        <source>Kod premis</source>
        <translation>Premises code</translation>
    </message>
    <message>
        <source>Nama premis</source>
        <translation>Premises name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Negeri</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Daerah</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>PremisesPage</name>
    <message>
        <source>Daftar Premis</source>
        <translation>Premises Register</translation>
    </message>
    <message>
        <source>Kod</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama premis</source>
        <translation>Premises name</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Negeri</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Daerah</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Jawatan</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
</context>
<context>
    <name>PshDialog</name>
    <message>
        <source>Lantikan PSH: %1</source>
        <translation>PSH appointment: %1</translation>
    </message>
    <message>
        <source>Calon</source>
        <translation>Candidates</translation>
    </message>
    <message>
        <source>(pilih calon)</source>
        <translation>(choose a candidate)</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hari terakhir (3 bulan: 5A(e))</source>
        <translation>Last day (3 months: 5A(e))</translation>
    </message>
    <message>
        <source>Kelayakan bagi tugas (5A(h))</source>
        <translation>Qualification for the job (5A(h))</translation>
    </message>
    <message>
        <source>Rujukan kelulusan KP</source>
        <translation>KP approval reference</translation>
    </message>
    <message>
        <source>Tarikh kelulusan</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <source>Akuan Akta Rahsia Rasmi 1972 (5A(n))</source>
        <translation>Official Secrets Act 1972 declaration (5A(n))</translation>
    </message>
    <message>
        <source>Diperakui sihat (5A(g))</source>
        <translation>Certified healthy (5A(g))</translation>
    </message>
    <message>
        <source>OS29000</source>
        <translation>OS29000</translation>
    </message>
    <message>
        <source>Sebab diteruskan melebihi baki (pegawai pelulus)</source>
        <translation>Why it goes ahead over the balance (approving officer)</translation>
    </message>
</context>
<context>
    <name>PshPage</name>
    <message>
        <source>Daftar PSH</source>
        <translation>PSH Register</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Kadar sehari (RM)</source>
        <translation>Daily rate (RM)</translation>
    </message>
    <message>
        <source>Mula</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Hingga</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Baki hari</source>
        <translation>Days left</translation>
    </message>
    <message>
        <source>Kos dijangka (RM)</source>
        <translation>Projected cost (RM)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lanjutkan...</source>
        <translation>Extend...</translation>
    </message>
    <message>
        <source>Lantikan kontrak tiba...</source>
        <translation>Contract arrived...</translation>
    </message>
    <message>
        <source>Cetak surat</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <source>Surat tawaran pelantikan</source>
        <translation>Appointment offer letter</translation>
    </message>
    <message>
        <source>Surat lanjutan tempoh...</source>
        <translation>Extension letter...</translation>
    </message>
    <message>
        <source>Surat penamatan</source>
        <translation>Termination letter</translation>
    </message>
    <message>
        <source>Akuan Akta Rahsia Rasmi 1972</source>
        <translation>Official Secrets Act 1972 declaration</translation>
    </message>
    <message>
        <source>%1 belum dilanjutkan; tiada surat lanjutan untuk dicetak.</source>
        <translation>%1 has not been extended; there is no extension letter to print.</translation>
    </message>
    <message>
        <source>%1 hingga %2 (%3)</source>
        <translation>%1 to %2 (%3)</translation>
    </message>
    <message>
        <source>Pilih lanjutan</source>
        <translation>Choose the extension</translation>
    </message>
    <message>
        <source>Lanjutan:</source>
        <translation>Extension:</translation>
    </message>
</context>
<context>
    <name>RatesPage</name>
    <message>
        <source>Berkuat kuasa</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Bil. kadar</source>
        <translation>No. of rates</translation>
    </message>
    <message>
        <source>Asal</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>hh/bb/tttt</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Surat JPTP ruj. ... bertarikh ...</source>
        <translation>JPTP letter ref. ... dated ...</translation>
    </message>
    <message>
        <source>Berkuat kuasa mulai</source>
        <translation>In force from</translation>
    </message>
    <message>
        <source>Kadar</source>
        <translation>Rates</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Buang baris</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Jadual baharu</source>
        <translation>New table</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Padam jadual</source>
        <translation>Remove table</translation>
    </message>
    <message>
        <source>Kadar ini tidak diterbitkan: pentadbir memasukkannya daripada surat JPTP atau Lampiran A pekeliling. Kadar baharu ialah jadual baharu dengan tarikh berkuat kuasanya sendiri; jadual terdahulu kekal untuk hari-hari sebelumnya.</source>
        <translation>These rates are not published: the administrator enters them from JPTP&apos;s letter or the circular&apos;s Lampiran A. A new rate is a new table with its own effective date; the earlier table stays for the days before it.</translation>
    </message>
    <message>
        <source>Jadual</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Pemasangan</source>
        <translation>Installation</translation>
    </message>
    <message>
        <source>Dimasukkan oleh %1</source>
        <translation>Entered by %1</translation>
    </message>
    <message>
        <source>pada %1</source>
        <translation>on %1</translation>
    </message>
    <message>
        <source>Jadual yang dimasukkan; simpan untuk menggantikannya, atau tukar tarikh untuk jadual baharu.</source>
        <translation>An entered table; save to replace it, or change the date for a new table.</translation>
    </message>
    <message>
        <source>Jadual daripada fail pemasangan (berkuat kuasa %1); ia tidak boleh diubah atau dipadam. Masukkan tarikh berkuat kuasa dan simpan untuk menjadikannya jadual yang dimasukkan.</source>
        <translation>A table from the installation&apos;s file (in force from %1); it cannot be changed or removed. Enter an effective date and save to make it an entered table.</translation>
    </message>
    <message>
        <source>Jadual baharu: isikan tarikh berkuat kuasa, sumber dan satu baris bagi setiap kadar.</source>
        <translation>New table: fill in the effective date, the source and one row for each rate.</translation>
    </message>
    <message>
        <source>(semua)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <source>Jadual kadar disimpan.</source>
        <translation>Rate table saved.</translation>
    </message>
    <message>
        <source>Padam jadual kadar</source>
        <translation>Remove rate table</translation>
    </message>
    <message>
        <source>Padam jadual kadar yang berkuat kuasa %1 (%2 kadar)? Hari-hari selepasnya akan memakai jadual terdahulu.</source>
        <translation>Remove the rate table in force from %1 (%2 rates)? The days after it will use the earlier table.</translation>
    </message>
    <message>
        <source>Jadual kadar dipadam.</source>
        <translation>Rate table removed.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Cari...</source>
        <translation>Search...</translation>
    </message>
    <message>
        <source>Papar yang tidak aktif</source>
        <translation>Show inactive</translation>
    </message>
    <message>
        <source>Tambah...</source>
        <translation>Add...</translation>
    </message>
    <message>
        <source>Ubah...</source>
        <translation>Edit...</translation>
    </message>
    <message>
        <source>Nyahaktifkan</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>Sejarah...</source>
        <translation>History...</translation>
    </message>
    <message>
        <source>Nyahaktifkan %1? Rekodnya kekal dan boleh diaktifkan semula.</source>
        <translation>Deactivate %1? Its records stay and it can be reactivated.</translation>
    </message>
    <message>
        <source>Aktifkan semula</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>%1 daripada %2 rekod</source>
        <translation>%1 of %2 records</translation>
    </message>
</context>
<context>
    <name>ReleaseDialog</name>
    <message>
        <source>Kosongkan jawatan %1</source>
        <translation>Vacate post %1</translation>
    </message>
    <message>
        <source>Hari terakhir menyandang</source>
        <translation>Last day in the post</translation>
    </message>
    <message>
        <source>Sebab / catatan</source>
        <translation>Reason / note</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Kata laluan baharu untuk %1</source>
        <translation>New password for %1</translation>
    </message>
    <message>
        <source>Kata laluan baharu</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Sahkan kata laluan</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>SalaryDialog</name>
    <message>
        <source>Gaji permulaan gred %1</source>
        <translation>Starting salary of grade %1</translation>
    </message>
    <message>
        <source>Berkuat kuasa</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <source>Gaji permulaan (RM)</source>
        <translation>Starting salary (RM)</translation>
    </message>
    <message>
        <source>Gaji permulaan yang direkodkan:</source>
        <translation>Starting salaries recorded:</translation>
    </message>
    <message>
        <source>Berkuat kuasa mulai</source>
        <translation>Effective from</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>Ubah pegawai</source>
        <translation>Edit officer</translation>
    </message>
    <message>
        <source>Tambah pegawai</source>
        <translation>Add officer</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>(pilih gred)</source>
        <translation>(choose a grade)</translation>
    </message>
    <message>
        <source>Mula berkhidmat</source>
        <translation>Service start</translation>
    </message>
    <message>
        <source>Tarikh disahkan dalam perkhidmatan</source>
        <translation>Confirmed in service on</translation>
    </message>
    <message>
        <source>Kelayakan tertinggi</source>
        <translation>Highest qualification</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Cari nama atau No. MyKad...</source>
        <translation>Search name or MyKad No....</translation>
    </message>
    <message>
        <source>Daftar Pegawai</source>
        <translation>Officers Register</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. MyKad</source>
        <translation>MyKad No.</translation>
    </message>
    <message>
        <source>Jantina</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Mula berkhidmat</source>
        <translation>Service start</translation>
    </message>
    <message>
        <source>Disahkan</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>Kelayakan</source>
        <translation>Qualification</translation>
    </message>
    <message>
        <source>Jawatan disandang</source>
        <translation>Post held</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Tarikh lahir</source>
        <translation>Date of birth</translation>
    </message>
</context>
<context>
    <name>StartUp</name>
    <message>
        <source>Menyandarkan pangkalan data...</source>
        <translation>Backing up the database...</translation>
    </message>
    <message>
        <source>Menunggu log masuk...</source>
        <translation>Waiting for sign-in...</translation>
    </message>
    <message>
        <source>Memuatkan papan pemuka...</source>
        <translation>Loading the dashboard...</translation>
    </message>
    <message>
        <source>Ralat tidak dijangka semasa membuka IsiTugas:
%1</source>
        <translation>Unexpected error while opening IsiTugas:
%1</translation>
    </message>
</context>
<context>
    <name>StepsDialog</name>
    <message>
        <source>Langkah kekosongan %1</source>
        <translation>Steps of vacancy %1</translation>
    </message>
    <message>
        <source>Perenggan</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Tarikh</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Rujukan</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Rujukan permohonan PSH</source>
        <translation>PSH application reference</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Langkah seterusnya: %1 (perenggan %2)</source>
        <translation>Next step: %1 (para %2)</translation>
    </message>
    <message>
        <source>Semua langkah telah selesai.</source>
        <translation>Every step is done.</translation>
    </message>
    <message>
        <source>Rujukan surat</source>
        <translation>Letter reference</translation>
    </message>
    <message>
        <source>Rujukan permohonan PSH (7.4(e))</source>
        <translation>PSH application reference (7.4(e))</translation>
    </message>
    <message>
        <source>Rekod langkah</source>
        <translation>Record step</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>TripDialog</name>
    <message>
        <source>Tuntutan tugas rasmi (5A(j))</source>
        <translation>Official-duty claim (5A(j))</translation>
    </message>
    <message>
        <source>PSH</source>
        <translation>PSH</translation>
    </message>
    <message>
        <source>(pilih PSH)</source>
        <translation>(choose a PSH)</translation>
    </message>
    <message>
        <source>Tarikh bertolak</source>
        <translation>Departure date</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Jam di luar (cth. 9:30)</source>
        <translation>Hours away (e.g. 9:30)</translation>
    </message>
    <message>
        <source>Jarak (km)</source>
        <translation>Distance (km)</translation>
    </message>
    <message>
        <source>Bilangan malam</source>
        <translation>Nights</translation>
    </message>
    <message>
        <source>Penginapan</source>
        <translation>Lodging</translation>
    </message>
</context>
<context>
    <name>UndoStepDialog</name>
    <message>
        <source>Batalkan langkah terakhir</source>
        <translation>Undo the last step</translation>
    </message>
    <message>
        <source>Langkah: %1</source>
        <translation>Step: %1</translation>
    </message>
    <message>
        <source>Sebab dibatalkan</source>
        <translation>Why undone</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Ubah pengguna</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama penuh</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peranan</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kata laluan</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sahkan kata laluan</source>
        <translation>Confirm password</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama penuh</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peranan</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Log masuk terakhir</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Tidak aktif</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Dikunci</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Kata laluan baharu...</source>
        <translation>New password...</translation>
    </message>
    <message>
        <source>Dikunci hingga</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <source>Cubaan gagal</source>
        <translation>Failed attempts</translation>
    </message>
</context>
<context>
    <name>VacanciesPage</name>
    <message>
        <source>Daftar Kekosongan</source>
        <translation>Vacancies Register</translation>
    </message>
    <message>
        <source>Papar yang ditutup</source>
        <translation>Show closed</translation>
    </message>
    <message>
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Nama premis</source>
        <translation>Premises name</translation>
    </message>
    <message>
        <source>Daerah</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Penyandang</source>
        <translation>Incumbent</translation>
    </message>
    <message>
        <source>Tarikh kosong</source>
        <translation>Vacant from</translation>
    </message>
    <message>
        <source>Dijangka kembali</source>
        <translation>Expected back</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Langkah semasa</source>
        <translation>Current step</translation>
    </message>
    <message>
        <source>Hari menunggu</source>
        <translation>Days waiting</translation>
    </message>
    <message>
        <source>Kaedah</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Langkah...</source>
        <translation>Steps...</translation>
    </message>
    <message>
        <source>Batal langkah...</source>
        <translation>Undo step...</translation>
    </message>
    <message>
        <source>Calon...</source>
        <translation>Candidates...</translation>
    </message>
    <message>
        <source>Isi kekosongan...</source>
        <translation>Fill vacancy...</translation>
    </message>
    <message>
        <source>Tutup...</source>
        <translation>Close...</translation>
    </message>
    <message>
        <source>Cetak permohonan PSH</source>
        <translation>Print PSH application</translation>
    </message>
    <message>
        <source>Tarikh diisi</source>
        <translation>Date filled</translation>
    </message>
    <message>
        <source>Tarikh ditutup</source>
        <translation>Date closed</translation>
    </message>
    <message>
        <source>Sebab ditutup</source>
        <translation>Why closed</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>VacancyDialog</name>
    <message>
        <source>Ubah kekosongan</source>
        <translation>Edit vacancy</translation>
    </message>
    <message>
        <source>Buka kekosongan</source>
        <translation>Open vacancy</translation>
    </message>
    <message>
        <source>Jenis kekosongan</source>
        <translation>Vacancy kind</translation>
    </message>
    <message>
        <source>Jawatan</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Sebab</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Tarikh kosong</source>
        <translation>Vacant from</translation>
    </message>
    <message>
        <source>Penyandang dijangka kembali</source>
        <translation>Incumbent expected back</translation>
    </message>
    <message>
        <source>Rujukan (7.1 / 8.1)</source>
        <translation>Reference (7.1 / 8.1)</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>(pilih jawatan)</source>
        <translation>(choose a post)</translation>
    </message>
</context>
<context>
    <name>_SignInDialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Kadar %1 sehari; anggaran kos RM %2 (upah dan caruman majikan).</source>
        <translation>Rate %1 a day; projected cost RM %2 (wages and employer contributions).</translation>
    </message>
    <message>
        <source>%1: baki OS29000 RM %2, diperlukan RM %3</source>
        <translation>%1: OS29000 balance RM %2, needed RM %3</translation>
    </message>
</context>
</TS>
