"""The national SKP forms (BKN): what a Sasaran Kerja / Kinerja Pegawai prints beyond its indicators.

Three generations of forms, recognised by their titles and column headers
(:mod:`extract.skp.recognise`) and read into one typed sheet (:class:`extract.skp.model.SkpSheet`):

* PP 46/2011 and Perka BKN 1/2013: the SKP target form, the Penilaian Capaian SKP (target and
  realisasi of the four aspects, penghitungan, nilai capaian) and the Penilaian Prestasi Kerja
  (SKP × 60 %, perilaku kerja, NPK);
* PP 30/2019 and PermenPANRB 8/2021: rencana kinerja, IKI, target, realisasi, capaian IKI, kategori,
  nilai capaian, nilai tertimbang, nilai akhir SKP, perilaku, nilai kinerja and predikat;
* PermenPANRB 6/2022 (e-Kinerja): rencana hasil kerja and the RHK of the atasan it intervenes,
  aspek, IKI, target; the seven BerAKHLAK behaviours; the evaluation's realisasi, ratings and
  predikat; and the e-Kinerja XLSX export (one document per evaluation).

This package only reads: the scores are recomputed by :mod:`score.skp`.
"""
