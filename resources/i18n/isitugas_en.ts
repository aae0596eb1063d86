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
</TS>
