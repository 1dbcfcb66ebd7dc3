// The commonest passwords of eight characters or more, lower-cased, from the public breach
// corpora that NIST SP 800-63B and OWASP ASVS point to (RockYou, the NCSC top 100k, SecLists),
// plus the app's own name. Shorter ones are already refused by the eight-character minimum.
// One password per whitespace-separated word; add more freely, order does not matter.
const LIST = `
password 12345678 123456789 1234567890 qwertyuiop 11111111 iloveyou sunshine princess football
baseball superman trustno1 starwars computer michelle jennifer corvette 1qaz2wsx qwerty123 password1
passw0rd password123 password12 password2 password01 p@ssw0rd p@ssword pa55word pa$$word passpass
zaq12wsx zaq1zaq1 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 qwer1234
qwerty12 qwerty1234 qwerty12345 qwertyui asdfghjkl asdfghjk asdf1234 asdfasdf zxcvbnm1 zxcvbnm123
1234qwer 12qwaszx qazwsxedc qazwsx123 1qazxsw2 1qaz2wsx3edc qweasdzxc 123qweasd qwe123qwe 123qwe123
abcd1234 abc12345 abcdefgh abcdefg1 a1b2c3d4 a1234567 aa123456 1234abcd 123456abc abc123456 12345abc
87654321 987654321 0987654321 12341234 12344321 11223344 112233445566 123123123 123321123 123456123
1234512345 1234554321 123454321 123456789a 123456789q 12345678a 12345678q 1234567a 1234567q 123456aa
147258369 147852369 159753456 741852963 789456123 963852741 22222222 33333333 44444444 55555555
66666666 77777777 88888888 99999999 00000000 000000000 0000000000 1111111111 1212121212 12121212
13131313 69696969 123654789 147896325 12345qwert 1234567890q iloveyou1 iloveyou2 iloveyou!
iloveyou123 loveyou1 lovelove ilovegod jesus123 jesuschrist blessed1 welcome1 welcome123 welcome2
letmein1 letmein123 letmein! changeme changeme1 changeme123 default1 administrator admin123
admin1234 admin12345 adminadmin administrator1 root1234 rootroot toor1234 test1234 testtest
test12345 testing123 guest123 user1234 login123 master123 master12 qwerty1! sunshine1 princess1
football1 baseball1 superman1 michael1 jennifer1 jordan23 babygirl1 monkey12 monkey123 dragon12
dragon123 shadow12 shadow123 trustno1! batman123 spiderman spiderman1 starwars1 pokemon1 pokemon123
naruto123 minecraft minecraft1 fortnite fortnite1 roblox123 whatever whatever1 nicholas jonathan
elizabeth alexander christopher christian victoria samantha jessica1 danielle michelle1 mercedes
ferrari1 corvette1 mustang1 chelsea1 liverpool liverpool1 arsenal1 manchester barcelona juventus
football123 basketball soccer12 hockey12 baseball12 dolphins steelers cowboys1 yankees1 redskins
patriots internet computer1 chocolate butterfly sunflower rainbow1 snowball cupcake1 cheese123
cookie123 charlie1 charlie123 buster12 ginger12 tigger12 maggie12 bailey12 daisy123 lucky123
killer12 killer123 hunter12 hunter123 freedom1 matrix12 thunder1 phoenix1 diamond1 diamonds platinum
midnight sparkle1 angel123 angelina beautiful gorgeous sweetheart sweetie1 babygirl princesa
teamo123 tequiero mariposa estrella corazon1 contraseña contrasena passwort passwort1 motdepasse
wachtwoord salasana senha123 senha1234 parola123 haslo123 p@ssw0rd1 p@ssword1 passw0rd! password!
password1! password123! welcome1! summer2023 summer2024 summer2025 summer2026 winter2023 winter2024
winter2025 winter2026 spring2024 spring2025 spring2026 autumn2024 autumn2025 autumn2026 fall2025
fall2026 january1 monday123 company1 company123 qwerty123! aa123456! aa12345678 abc123456! abcd1234!
pa$$w0rd p4ssw0rd passw0rd1 password2023 password2024 password2025 password2026 taskdeck taskdeck1
taskdeck123 awsexam1 awscertified amazonaws amazon123 certification 1qazxsw23edc qazxswedc !@#$%^&*
!@#$%^&*() 1234!@#$ qwer!@#$ 1qaz!qaz !qaz2wsx !qaz@wsx zaq!2wsx 1q2w3e4r! asdfzxcv qweasd123
qweqweqwe asdasdasd zxczxczxc aaaaaaaa aaaaaaaaa qqqqqqqq zzzzzzzz xxxxxxxx abcabcabc abc123abc
123abc123 a123456789 qwerty00 qwerty01 qwerty11 qwerty69 michael123 jordan123 ashley123 daniel123
andrew123 joshua123 anthony1 matthew1 nicole123 hello123 hellokitty helloworld hello1234 blink182
metallica slipknot nirvana1 linkinpark onedirection justinbieber 123456789abc abcdef123 asdfg12345
zxcvb12345 1029384756 0123456789 9876543210 1qa2ws3ed q2w3e4r5 azertyuiop azerty123 azerty12
qwertz123 qwertzuiop 1q2w3e4r5t6y7u qwertyuiop123 1qaz2wsx3edc4rfv q1w2e3r4t5y6u7i8 samsung123
nokia123 google123 facebook facebook1 linkedin linkedin1 twitter1 instagram myspace1 yahoo123
hotmail1 gmail123 outlook1 microsoft windows7 windows10 playstation nintendo pokemon12 superstar
rockstar rockyou1 sexygirl mypassword mypass123 newpassword newpass1 oldpassword secret123 secret12
mysecret topsecret private1 security security1 password0 password9 password11 password99 passwords
access14 trustme1 letmeinnow opensesame iamthebest imthebest bestfriend bestfriends friends1
forever1 foreverlove truelove loveme12 iloveyou12 ihateyou lovelife myfamily family123 mommy123
daddy123 mother123 father123 brother1 sister12 grandma1 baby1234 babyboy1 sweety12 flower123
flowers1 blossom1 heaven12 angels12 goddess1 fairytale unicorn1 dolphin1 panther1 tigers12 lionking
eagles12 falcon12 raiders1 packers1 broncos1 chargers saints12 giants12 lakers24 bulls123 celtics1
warriors 3rjs1la7qe 1v7upjw3nt zag12wsx ohmnamah23 xxxxxxxxxx abcd12345 aaaa1111 1111aaaa 11111111a
1a2b3c4d 1a2b3c4d5e qwe12345 qwe123456 asd12345 asd123456 zxc12345 zxc123456 q1234567 q12345678
qq123456 qaz12345 qazqazqaz wsx12345 1234qwerty 12345qwerty qwerty2024 qwerty2025 iloveu123
iloveyou22 loveyou123 love1234 love12345 hello12345 welcome12 welcome01 sunshine12 princess12
superman12 batman12 dragonball goodluck1 goodbye1 happy123 happyday happyness chelsea123 arsenal123
spiderman123 harrypotter hogwarts1 gandalf1 starwars123 startrek1 matrix123 terminator predator1
godzilla1 superman123 ironman1 captainamerica deadpool1 wolverine pikachu1 charizard sasuke123
naruto12 onepiece1 doraemon1 hellokitty1 1234567890a 123456789z 12345678910 11111111111 123123123123
qwertyuiop1 abcdefghi abcdefghij asdfghjkl1 zxcvbnm12 poiuytrewq lkjhgfdsa mnbvcxz1 trustnoone
nobodyknows anything1 nothing1 something1 everything computer12 internet1 password3 password4
password5 password6 password7 password8 password10 password13 password69 password100 password1234
password12345 password321 passwordpassword mypassword1 thepassword yourpassword secretpassword
supersecret donotguess notmypassword
`;

/** The list as a set, for {@link isCommonPassword}. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
