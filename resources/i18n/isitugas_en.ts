<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ms_MY">
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
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
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
    <name>MainWindow</name>
    <message>
        <source>&amp;Fail</source>
        <translation>&amp;File</translation>
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
        <source>Pengguna: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Pangkalan data: %1</source>
        <translation>Database: %1</translation>
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
        <source>Premis</source>
        <translation>Premises</translation>
    </message>
    <message>
        <source>Jawatan</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>Pegawai</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Gred</source>
        <translation>Grade</translation>
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
</TS>
