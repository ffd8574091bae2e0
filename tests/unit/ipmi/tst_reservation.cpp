#include "Reservation.h"

#include <QTest>

class tst_Reservation : public QObject
{
    Q_OBJECT

private slots:
    void nothingIsReservedAtFirst();
    void aNewReservationCancelsTheOldOne();
    void cancelEndsIt();
    void idsSkipZeroWhenTheyWrap();
};

void tst_Reservation::nothingIsReservedAtFirst()
{
    const Reservation reservation;
    QVERIFY(!reservation.isCurrent(0));
    QVERIFY(!reservation.isCurrent(1));
}

void tst_Reservation::aNewReservationCancelsTheOldOne()
{
    Reservation reservation;
    const quint16 first = reservation.reserve();
    QVERIFY(reservation.isCurrent(first));
    const quint16 second = reservation.reserve();
    QVERIFY(second != first);
    QVERIFY(reservation.isCurrent(second));
    QVERIFY(!reservation.isCurrent(first));
}

void tst_Reservation::cancelEndsIt()
{
    Reservation reservation;
    const quint16 id = reservation.reserve();
    reservation.cancel();
    QVERIFY(!reservation.isCurrent(id));
    QVERIFY(!reservation.isCurrent(0));
}

void tst_Reservation::idsSkipZeroWhenTheyWrap()
{
    Reservation reservation;
    for (int i = 0; i < 0xFFFF; ++i)
        QVERIFY(reservation.reserve() != 0);
    QCOMPARE(reservation.reserve(), quint16(1)); // 0000h means "no reservation"
    QVERIFY(!reservation.isCurrent(0));
}

QTEST_GUILESS_MAIN(tst_Reservation)
#include "tst_reservation.moc"
